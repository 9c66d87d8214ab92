package dev.signet.reply;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import dev.signet.care.ConversationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CannedReplyRepository implements PanacheRepository<CannedReply> {

    /**
     * Entries matching a search (title, body or tags contain {@code q}, any case; blank = all), for one account
     * (its own entries and those for every account; null = every entry) and conversation kind (null = any), by title.
     */
    public List<CannedReply> search(String q, String accountKey, ConversationKind kind, int limit) {
        StringBuilder jpql = new StringBuilder("select r from CannedReply r where 1 = 1");
        String like = q == null || q.isBlank() ? null : "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%";
        if (like != null) {
            jpql.append(" and (lower(r.title) like :q escape '!' or lower(r.body) like :q escape '!'"
                    + " or lower(coalesce(r.tags, '')) like :q escape '!')");
        }
        if (accountKey != null) {
            jpql.append(" and (r.accountKey is null or r.accountKey = :account)");
        }
        if (kind != null) {
            jpql.append(" and r.kind in :kinds");
        }
        jpql.append(" order by r.titleKey, r.id");
        TypedQuery<CannedReply> query = getEntityManager().createQuery(jpql.toString(), CannedReply.class);
        if (like != null) {
            query.setParameter("q", like);
        }
        if (accountKey != null) {
            query.setParameter("account", accountKey);
        }
        if (kind != null) {
            query.setParameter("kinds", List.of(CannedKind.BOTH, CannedKind.valueOf(kind.name())));
        }
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Another entry with the same title (any case) that would show next to this one: in the same account, or
     * where either is for every account.
     */
    public boolean titleTaken(String title, String accountKey, Long exceptId) {
        String jpql = "select count(r) from CannedReply r where r.titleKey = :t"
                + (accountKey == null ? "" : " and (r.accountKey is null or r.accountKey = :account)")
                + (exceptId == null ? "" : " and r.id <> :id");
        var query = getEntityManager().createQuery(jpql, Long.class).setParameter("t", CannedReply.titleKey(title));
        if (accountKey != null) {
            query.setParameter("account", accountKey);
        }
        if (exceptId != null) {
            query.setParameter("id", exceptId);
        }
        return query.getSingleResult() > 0;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
