package dev.signet.sentiment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MessageSentimentRepository implements PanacheRepositoryBase<MessageSentiment, Long> {

    /** The scores of these messages, by message id (one statement). */
    public Map<Long, MessageSentiment> byMessage(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return list("messageId in ?1", messageIds).stream()
                .collect(Collectors.toMap(MessageSentiment::messageId, Function.identity()));
    }

    /** The shipped head's raw probabilities of an account's latest scored messages. */
    public List<double[]> latestBaseProbabilities(String accountKey, int limit) {
        return find("accountKey = ?1 order by scoredAt desc", accountKey).page(0, limit).list().stream()
                .map(MessageSentiment::baseProbabilities).toList();
    }
}
