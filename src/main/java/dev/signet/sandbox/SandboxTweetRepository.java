package dev.signet.sandbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxTweetRepository implements PanacheRepository<SandboxTweet> {

    /** Tweets that mention a user or reply to one of theirs, never their own: X's mentions timeline. */
    private static final String MENTIONS_OF = "t.authorId <> :me and (t.inReplyToUserId = :me"
            + " or t.id in (select m.tweetId from SandboxMention m where m.mentionedUserId = :me))";

    /**
     * One page of a user's mentions timeline, newest first: ids in (sinceId, maxId], and only among the
     * {@code reachable} most recent mentions, as X serves no more than 800 back.
     */
    public List<SandboxTweet> mentionsOf(long userId, long sinceId, long maxId, int count, int reachable) {
        long oldestReachable = oldestReachableMention(userId, reachable);
        long floorExclusive = Math.max(sinceId, oldestReachable - 1);
        return getEntityManager()
                .createQuery("select t from SandboxTweet t where " + MENTIONS_OF
                        + " and t.id > :floor and t.id <= :max order by t.id desc", SandboxTweet.class)
                .setParameter("me", userId)
                .setParameter("floor", floorExclusive)
                .setParameter("max", maxId)
                .setMaxResults(count)
                .getResultList();
    }

    /**
     * One page of X's recent search for "@user": posts mentioning the user or replying to theirs (not their own),
     * newest first, ids in (sinceId, maxId], none created before {@code notBefore} (search reaches 7 days back).
     */
    public List<SandboxTweet> searchMentionsOf(long userId, long sinceId, long maxId, int count,
            Instant notBefore) {
        return getEntityManager()
                .createQuery("select t from SandboxTweet t where " + MENTIONS_OF
                        + " and t.id > :since and t.id <= :max and t.createdAt >= :notBefore order by t.id desc",
                        SandboxTweet.class)
                .setParameter("me", userId)
                .setParameter("since", sinceId)
                .setParameter("max", maxId)
                .setParameter("notBefore", notBefore)
                .setMaxResults(count)
                .getResultList();
    }

    private long oldestReachableMention(long userId, int reachable) {
        TypedQuery<Long> query = getEntityManager()
                .createQuery("select t.id from SandboxTweet t where " + MENTIONS_OF + " order by t.id desc", Long.class)
                .setParameter("me", userId)
                .setFirstResult(reachable - 1)
                .setMaxResults(1);
        List<Long> ids = query.getResultList();
        return ids.isEmpty() ? Long.MIN_VALUE + 1 : ids.get(0);
    }

    /** One page of a user's own tweets, newest first: ids in (sinceId, maxId], as X's user timeline serves them. */
    public List<SandboxTweet> postedBy(long authorId, long sinceId, long maxId, int count) {
        return getEntityManager()
                .createQuery("select t from SandboxTweet t where t.authorId = :author and t.id > :since"
                        + " and t.id <= :max order by t.id desc", SandboxTweet.class)
                .setParameter("author", authorId)
                .setParameter("since", sinceId)
                .setParameter("max", maxId)
                .setMaxResults(count)
                .getResultList();
    }

    /** Tweets by id in one query (missing ids are left out). */
    public List<SandboxTweet> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids.stream().distinct().toList());
    }

    /** The texts of an author's most recent tweets, for X's duplicate rule. */
    public List<String> latestTextsBy(long authorId, int limit) {
        return getEntityManager()
                .createQuery("select t.text from SandboxTweet t where t.authorId = :author order by t.id desc", String.class)
                .setParameter("author", authorId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<SandboxTweet> latestBy(long authorId, int limit) {
        return find("authorId = :author order by id desc", Parameters.with("author", authorId))
                .page(Page.ofSize(limit))
                .list();
    }

    /** What a user sees of the public timeline about them: their tweets, replies to them, mentions of them. */
    public List<SandboxTweet> latestAbout(long userId, int limit) {
        return getEntityManager()
                .createQuery("select t from SandboxTweet t where t.authorId = :me or t.inReplyToUserId = :me"
                        + " or t.id in (select m.tweetId from SandboxMention m where m.mentionedUserId = :me)"
                        + " order by t.id desc", SandboxTweet.class)
                .setParameter("me", userId)
                .setMaxResults(limit)
                .getResultList();
    }
}
