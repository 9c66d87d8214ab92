package dev.signet.demo;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.signet.care.CareService;
import dev.signet.care.ConversationStatus;
import dev.signet.care.routing.PresenceService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes the embedded demo show continuity routing: once the first poll has brought Lukas Müller's @AcmeAir check-in
 * conversation in, Maria (^MD) goes on shift, takes it and resolves it; then Lukas writes again on the sandbox X,
 * so the next poll reopens his conversation and offers it to Maria first (her "mine" view, "offered to ^MD" on the
 * queue, a notification). Once per run; never in production (signet.demo.seed, signet.demo.scenes, and only with
 * the sandbox).
 */
@ApplicationScoped
public class DemoContinuitySeeder {

    private static final Logger LOG = Logger.getLogger(DemoContinuitySeeder.class);
    static final String AGENT = "maria";
    static final String CUSTOMER = "lukas_mueller";
    static final String BRAND = "AcmeAir";

    private final DemoConfig config;
    private final EntityManager em;
    private final CareService care;
    private final PresenceService presence;
    private final AppUserService users;
    private final Instance<SandboxService> sandbox;
    private final AtomicBoolean done = new AtomicBoolean();

    public DemoContinuitySeeder(DemoConfig config, EntityManager em, CareService care, PresenceService presence,
            AppUserService users, Instance<SandboxService> sandbox) {
        this.config = config;
        this.em = em;
        this.care = care;
        this.presence = presence;
        this.users = users;
        this.sandbox = sandbox;
    }

    @Scheduled(identity = "demo-continuity", every = "10s", delayed = "12s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void offerOneToMaria() {
        if (!config.seed() || !config.scenes() || done.get() || !sandbox.isResolvable()) {
            return;
        }
        List<Object[]> found = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select c.id, c.status, h.id from Conversation c left join c.heldBy h
                where c.identity.handle = :customer and c.account.handle = :brand and c.kind = dev.signet.care.ConversationKind.PUBLIC
                order by c.id""", Object[].class)
                .setParameter("customer", CUSTOMER).setParameter("brand", BRAND).getResultList());
        AppUser maria = users.findByUsername(AGENT).orElse(null);
        if (found.isEmpty() || maria == null) {
            return;
        }
        done.set(true);
        long id = (Long) found.get(0)[0];
        if (found.get(0)[1] == ConversationStatus.RESOLVED || found.get(0)[2] != null) {
            LOG.infof("demo: continuity not shown, conversation %d is already resolved or held", id);
            return;
        }
        presence.mark(maria, true);
        care.claim(id, maria);
        care.changeStatus(id, ConversationStatus.RESOLVED, maria);
        sandbox.get().postMention(CUSTOMER, BRAND,
                "one more thing about booking LM83KD: the boarding pass email never arrived either.", null);
        LOG.infof("demo: ^%s handled conversation=%d; the customer writes again and it is offered back to her",
                maria.initials(), id);
    }
}
