package dev.signet.sla;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.care.ResponseHistory;
import dev.signet.care.ResponseHistoryService;
import dev.signet.care.QueueChanged;
import dev.signet.common.DatabaseDialect;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the record of targets ({@code sla_target}) up to date with the conversations. A change that can move a
 * target (a message, a reply, a status, a hand-off line) notes the conversation in {@code sla_pending}, in the
 * transaction that made it — one cheap statement, so intake is not slowed by measuring and no change is lost to a
 * crash. {@link #recordPending} then measures the noted conversations from care's timeline in batches, every
 * {@code signet.sla.record-every}, and rewrites their rows.
 */
@ApplicationScoped
public class SlaRecorder {

    private static final Logger LOG = Logger.getLogger(SlaRecorder.class);
    private static final Set<QueueChanged.Type> MOVES_TARGETS = Set.of(QueueChanged.Type.MESSAGE_RECEIVED,
            QueueChanged.Type.REPLIED, QueueChanged.Type.STATUS_CHANGED, QueueChanged.Type.RESOLVED,
            QueueChanged.Type.HANDED_OFF, QueueChanged.Type.REPRIORITIZED);

    private final EntityManager em;
    private final DatabaseDialect dialect;
    private final ResponseHistoryService timelines;
    private final SlaPolicies policies;
    private final SlaConfig config;
    private final SlaRollup rollup;
    private final Clock clock;

    public SlaRecorder(EntityManager em, DatabaseDialect dialect, ResponseHistoryService timelines,
            SlaPolicies policies, SlaConfig config, SlaRollup rollup, Clock clock) {
        this.em = em;
        this.dialect = dialect;
        this.timelines = timelines;
        this.policies = policies;
        this.config = config;
        this.rollup = rollup;
        this.clock = clock;
    }

    /** In the transaction of the change: note the conversation (once, however many changes). */
    void onChange(@Observes QueueChanged change) {
        if (change.conversationId() == 0 || !MOVES_TARGETS.contains(change.type())) {
            return;
        }
        note(change.conversationId());
    }

    /** Notes every conversation of an account to be measured again (after seeding history, say). */
    @Transactional
    public int noteAll(String accountKey) {
        List<Long> ids = timelines.idsOfAccount(accountKey);
        ids.forEach(this::note);
        return ids.size();
    }

    private void note(long conversationId) {
        String sql = dialect.isH2() ? """
                merge into sla_pending t using (values (cast(?1 as bigint))) s(conversation_id)
                on t.conversation_id = s.conversation_id
                when not matched then insert (conversation_id, noted_at) values (s.conversation_id, ?2)"""
                : "insert into sla_pending (conversation_id, noted_at) values (?1, ?2) on conflict do nothing";
        em.createNativeQuery(sql).setParameter(1, conversationId).setParameter(2, clock.instant()).executeUpdate();
    }

    @Scheduled(identity = "sla-record", every = "${signet.sla.record-every}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        int done;
        do {
            done = recordPending();
        } while (done == config.recordBatch());
    }

    /**
     * Measures one batch of noted conversations and rewrites their targets; returns how many were handled. Rows
     * taken by another replica's batch are skipped (PostgreSQL; H2 is one process).
     */
    @Transactional
    public int recordPending() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select conversation_id from sla_pending order by noted_at limit "
                + config.recordBatch() + (dialect.isH2() ? " for update" : " for update skip locked")).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> conversationIds = ids.stream().map(Number::longValue).toList();
        record(timelines.timelines(conversationIds), conversationIds);
        em.createNativeQuery("delete from sla_pending where conversation_id in (:ids)").setParameter("ids", conversationIds)
                .executeUpdate();
        return ids.size();
    }

    private void record(List<ResponseHistory> found, List<Long> ids) {
        SlaRollup.Changes changes = rollup.changes();
        @SuppressWarnings("unchecked")
        List<Object[]> old = em.createNativeQuery("""
                select account_key, tier, channel, target, started_at, met, business_seconds from sla_target
                where conversation_id in (:ids)""").setParameter("ids", ids).getResultList();
        for (Object[] r : old) {
            changes.add((String) r[0], (String) r[1], (String) r[2], (String) r[3], SlaRollup.instant(r[4]),
                    (Boolean) r[5], r[6] == null ? null : ((Number) r[6]).longValue(), -1);
        }
        em.createQuery("delete from SlaTargetRecord r where r.conversationId in :ids").setParameter("ids", ids)
                .executeUpdate();
        int rows = 0;
        for (ResponseHistory t : found) {
            String tier = t.tier().name();
            String channel = t.kind().name();
            Optional<CompiledPolicy> policy = policies.forConversation(t.accountKey(), tier, channel);
            if (policy.isEmpty()) {
                continue;
            }
            for (SlaEvaluator.Outcome o : SlaEvaluator.evaluate(t, policy.get())) {
                SlaTargetRecord record = new SlaTargetRecord(t.conversationId(), t.accountKey(), tier, channel,
                        policy.get().id(), o);
                em.persist(record);
                changes.add(t.accountKey(), tier, channel, o.target().name(), o.startedAt(), record.met(),
                        o.businessSeconds(), 1);
                rows++;
            }
        }
        em.flush();
        rollup.apply(changes);
        LOG.debugf("sla targets recorded: conversations=%d rows=%d", found.size(), rows);
    }
}
