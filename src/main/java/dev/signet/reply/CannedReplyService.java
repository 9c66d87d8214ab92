package dev.signet.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationNotFoundException;
import dev.signet.channel.ChannelConfig;
import dev.signet.security.AppUser;

/**
 * The canned-reply library: search, create, edit and delete (audited), and filling an entry's variables for a
 * conversation — the customer's first name (CRM, else the first word of the X display name), handle and name, the
 * agent's first name, the brand and the customer's pinned facts.
 */
@ApplicationScoped
public class CannedReplyService {

    static final int TITLE_MAX = 80;
    static final int BODY_MAX = 2_000;
    static final int TAGS_MAX = 300;
    /** The library page lists at most this many entries. */
    public static final int LIST_MAX = 500;
    /** The shortest signature a public reply gets (" ^XY"), counted when a public entry is checked at save. */
    private static final String SHORTEST_SIGNATURE = " ^XY";

    private final CannedReplyRepository replies;
    private final CannedReplyAuditRepository audit;
    private final ChannelConfig channels;
    private final CannedReplyConfig config;
    private final EntityManager em;
    private final Clock clock;

    public CannedReplyService(CannedReplyRepository replies, CannedReplyAuditRepository audit, ChannelConfig channels,
            CannedReplyConfig config, EntityManager em, Clock clock) {
        this.replies = replies;
        this.audit = audit;
        this.channels = channels;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** The library, searched; {@code account} null = every entry, else that account's and the shared ones. */
    @Transactional
    public List<CannedReplyView> search(String q, String account, String kind) {
        String accountKey = account == null || account.isBlank() ? null : knownAccount(account);
        ConversationKind conversationKind = kind == null || kind.isBlank() ? null : conversationKind(kind);
        return replies.search(q, accountKey, conversationKind, LIST_MAX).stream()
                .map(r -> CannedReplyView.of(r, List.of())).toList();
    }

    @Transactional
    public CannedReplyView get(long id) {
        CannedReply reply = find(id);
        return CannedReplyView.of(reply, history(id));
    }

    @Transactional
    public CannedReplyView create(CannedReplyRequest request, AppUser by) {
        Checked c = check(request, null);
        Instant now = clock.instant();
        CannedReply reply = new CannedReply(c.title(), c.body(), c.accountKey(), c.kind(), c.tags(), by.username(), now);
        replies.persist(reply);
        audit.persist(new CannedReplyAudit(reply.id(), CannedReplyAudit.Action.CREATED, c.title(), by.username(), now));
        return CannedReplyView.of(reply, history(reply.id()));
    }

    @Transactional
    public CannedReplyView update(long id, CannedReplyRequest request, AppUser by) {
        CannedReply reply = find(id);
        Checked c = check(request, id);
        Instant now = clock.instant();
        reply.change(c.title(), c.body(), c.accountKey(), c.kind(), c.tags(), by.username(), now);
        audit.persist(new CannedReplyAudit(id, CannedReplyAudit.Action.EDITED, c.title(), by.username(), now));
        em.flush();
        return CannedReplyView.of(reply, history(id));
    }

    @Transactional
    public void delete(long id, AppUser by) {
        CannedReply reply = find(id);
        audit.persist(new CannedReplyAudit(id, CannedReplyAudit.Action.DELETED, reply.title(), by.username(), clock.instant()));
        replies.delete(reply);
    }

    /**
     * The entries fitting a conversation (its account and kind) that match {@code q}, each filled for it, at most
     * {@code signet.reply.canned.suggestions}.
     */
    @Transactional
    public List<CannedRendering> suggestions(long conversationId, String q, AppUser agent) {
        Target target = target(conversationId, agent);
        return replies.search(q, target.accountKey(), target.kind(), config.suggestions()).stream()
                .map(r -> fill(r, target)).toList();
    }

    /** One entry filled for a conversation; refused if the entry is meant for another account or kind. */
    @Transactional
    public CannedRendering render(long conversationId, long cannedReplyId, AppUser agent) {
        CannedReply reply = find(cannedReplyId);
        Target target = target(conversationId, agent);
        if (!reply.kind().fits(target.kind())
                || (reply.accountKey() != null && !reply.accountKey().equals(target.accountKey()))) {
            throw CannedReplyException.notForConversation(reply.title());
        }
        return fill(reply, target);
    }

    private CannedRendering fill(CannedReply reply, Target target) {
        CannedTemplate.Filled filled = CannedTemplate.fill(reply.body(), target.values(), target.facts());
        return new CannedRendering(reply.id(), reply.title(), filled.text(), filled.missing());
    }

    /** What a conversation fills in: read once (two queries) for all the entries shown. */
    private Target target(long conversationId, AppUser agent) {
        List<?> rows = em.createNativeQuery("""
                select a.account_key, a.handle, c.kind, i.handle, i.display_name, cu.id, cu.name
                from conversation c join channel_account a on a.id = c.account_id
                join social_identity i on i.id = c.identity_id left join customer cu on cu.id = i.customer_id
                where c.id = :id""").setParameter("id", conversationId).getResultList();
        if (rows.isEmpty()) {
            throw new ConversationNotFoundException(conversationId);
        }
        Object[] row = (Object[]) rows.get(0);
        String crmName = (String) row[6];
        String displayName = (String) row[4];
        Map<String, String> values = new HashMap<>();
        values.put("first_name", CannedTemplate.firstWord(crmName != null ? crmName : displayName));
        values.put("name", crmName != null ? crmName : displayName);
        values.put("handle", "@" + row[3]);
        values.put("brand", "@" + row[1]);
        values.put("agent_first_name", CannedTemplate.firstWord(agent.displayName()));
        Map<String, String> facts = new HashMap<>();
        if (row[5] != null) {
            em.createNativeQuery("""
                    select label, fact_value from pinned_fact where customer_id = :id and unpinned_at is null
                    order by pinned_at desc, id desc""").setParameter("id", ((Number) row[5]).longValue())
                    .getResultList().forEach(f -> {
                        Object[] fact = (Object[]) f;
                        // The newest fact wins when two share a label.
                        facts.putIfAbsent(((String) fact[0]).strip().toLowerCase(Locale.ROOT), (String) fact[1]);
                    });
        }
        return new Target((String) row[0], ConversationKind.valueOf((String) row[2]), values, facts);
    }

    private record Target(String accountKey, ConversationKind kind, Map<String, String> values, Map<String, String> facts) {
    }

    private record Checked(String title, String body, String accountKey, CannedKind kind, String tags) {
    }

    private Checked check(CannedReplyRequest request, Long id) {
        if (request == null) {
            throw CannedReplyException.invalid("body", "Send the canned reply: title, body, account, kind, tags.");
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw CannedReplyException.invalid("title", "A title is required, at most " + TITLE_MAX + " characters.");
        }
        String body = request.body() == null ? "" : request.body().strip();
        if (body.isEmpty() || body.length() > BODY_MAX) {
            throw CannedReplyException.invalid("body", "A text is required, at most " + BODY_MAX + " characters.");
        }
        List<String> unknown = CannedTemplate.unknownVariables(body);
        if (!unknown.isEmpty()) {
            throw CannedReplyException.unknownVariables(unknown);
        }
        String accountKey = request.account() == null || request.account().isBlank() ? null : knownAccount(request.account());
        CannedKind kind = CannedKind.parse(request.kind());
        if (kind != CannedKind.DM) {
            int length = ReplyLength.measure(CannedTemplate.withoutVariables(body) + SHORTEST_SIGNATURE, ConversationKind.PUBLIC);
            if (length > ReplyLength.POST_LIMIT) {
                throw CannedReplyException.tooLong(length, ReplyLength.POST_LIMIT);
            }
        }
        String tags = tags(request.tags());
        if (replies.titleTaken(title, accountKey, id)) {
            throw CannedReplyException.titleTaken(title);
        }
        return new Checked(title, body, accountKey, kind, tags);
    }

    private static String tags(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String tags = Arrays.stream(raw.split("[,;]")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(", "));
        if (tags.length() > TAGS_MAX) {
            throw CannedReplyException.invalid("tags", "Tags may take at most " + TAGS_MAX + " characters.");
        }
        return tags.isEmpty() ? null : tags;
    }

    private String knownAccount(String account) {
        String key = account.strip();
        if (!channels.accounts().containsKey(key)) {
            throw CannedReplyException.invalid("account", "Unknown brand account '" + key + "'; known: "
                    + String.join(", ", channels.accounts().keySet().stream().sorted().toList()) + ".");
        }
        return key;
    }

    private static ConversationKind conversationKind(String kind) {
        for (ConversationKind k : ConversationKind.values()) {
            if (k.name().equalsIgnoreCase(kind.strip())) {
                return k;
            }
        }
        throw CannedReplyException.invalid("kind", "Kind must be PUBLIC or DM; got '" + kind + "'.");
    }

    private CannedReply find(long id) {
        CannedReply reply = replies.findById(id);
        if (reply == null) {
            throw CannedReplyException.notFound(id);
        }
        return reply;
    }

    private List<CannedReplyView.Change> history(long id) {
        return audit.of(id).stream().map(a -> new CannedReplyView.Change(a.action(), a.actor(), a.actedAt(), a.title())).toList();
    }
}
