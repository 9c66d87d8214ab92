package dev.signet.channel.gap;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

@ApplicationScoped
public class MentionGapRepository implements PanacheRepository<MentionGap> {

    /** An account's open gaps, newest first: the most recent mentions are the most urgent to answer. */
    List<MentionGap> open(String accountKey, int limit) {
        return find("accountKey = ?1 and state = ?2 order by id desc", accountKey, GapState.OPEN)
                .page(Page.ofSize(limit)).list();
    }

    /** The latest gaps of every account (or one), newest first. */
    List<MentionGap> latest(String accountKey, int limit) {
        return (accountKey == null ? find("order by id desc") : find("accountKey = ?1 order by id desc", accountKey))
                .page(Page.ofSize(limit)).list();
    }

    /** Open gaps per account, in one query. */
    Map<String, Long> openCounts() {
        return getEntityManager()
                .createQuery("select g.accountKey, count(g) from MentionGap g where g.state = :s group by g.accountKey",
                        Object[].class)
                .setParameter("s", GapState.OPEN)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }
}
