package dev.signet.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxMentionRepository implements PanacheRepository<SandboxMention> {

    /** The mentions of a page of tweets in one query, grouped by tweet id, each list in text order. */
    public Map<Long, List<SandboxMention>> byTweetIds(Collection<Long> tweetIds) {
        if (tweetIds.isEmpty()) {
            return Map.of();
        }
        return list("tweetId in ?1 order by tweetId, startIndex", tweetIds.stream().distinct().toList()).stream()
                .collect(Collectors.groupingBy(SandboxMention::getTweetId));
    }
}
