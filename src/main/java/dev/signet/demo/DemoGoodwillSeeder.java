package dev.signet.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.signet.care.Conversation;
import dev.signet.care.goodwill.GoodwillCommands;
import dev.signet.care.goodwill.GoodwillLedger;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes the embedded demo show both sides of the goodwill allowance: once the first poll has brought the sandbox's
 * conversations in, Jonas (^JK) gives María García €25 within his allowance (granted at once), and Maria (^MD)
 * records €80 for Jennifer Okafor's cancelled flight, over her €50 allowance, so it waits for Lena (lead) on
 * {@code /goodwill}. Once per database (nothing is seeded when any gesture exists). A conversation someone else holds
 * gets its gesture from the holder, as the rules require. Never in production (signet.demo.seed, signet.demo.scenes).
 */
@ApplicationScoped
public class DemoGoodwillSeeder {

    private static final Logger LOG = Logger.getLogger(DemoGoodwillSeeder.class);

    private final DemoConfig config;
    private final GoodwillCommands goodwill;
    private final GoodwillLedger ledger;
    private final AppUserService users;
    private final EntityManager em;
    private final Clock clock;
    private final AtomicBoolean done = new AtomicBoolean();

    public DemoGoodwillSeeder(DemoConfig config, GoodwillCommands goodwill, GoodwillLedger ledger, AppUserService users,
            EntityManager em, Clock clock) {
        this.config = config;
        this.goodwill = goodwill;
        this.ledger = ledger;
        this.users = users;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(identity = "demo-goodwill", every = "15s", delayed = "25s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void seedGestures() {
        if (!config.seed() || !config.scenes() || done.get()) {
            return;
        }
        if (ledger.anyRecorded()) {
            done.set(true);
            return;
        }
        Optional<Long> maria = conversation("maria_garcia88", "AcmeAir");
        Optional<Long> jen = conversation("jen_okafor", "AcmeAir");
        if (maria.isEmpty() || jen.isEmpty()) {
            return; // the first poll has not brought them in yet
        }
        done.set(true);
        record(maria.get(), "jonas", new BigDecimal("25.00"),
                "Essentials while the suitcase (with medication) is traced");
        record(jen.get(), "maria", new BigDecimal("80.00"),
                "Flight cancelled and refund R-5521 still not paid after a week: voucher");
    }

    private void record(long conversationId, String planned, BigDecimal amount, String reason) {
        AppUser agent = holder(conversationId).or(() -> users.findByUsername(planned)).orElseThrow();
        var gesture = goodwill.record(conversationId, amount, reason, agent);
        LOG.infof("demo: goodwill %s by ^%s on conversation=%d: %s", gesture.amountText(), agent.initials(),
                conversationId, gesture.status());
    }

    private Optional<AppUser> holder(long conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = em.find(Conversation.class, conversationId);
            return c.holder(clock.instant()).map(AppUser::username);
        }).flatMap(users::findByUsername);
    }

    private Optional<Long> conversation(String customerHandle, String accountHandle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select c.id from Conversation c where c.identity.handle = :customer and c.account.handle = :account
                order by c.firstMessageAt""", Long.class)
                .setParameter("customer", customerHandle).setParameter("account", accountHandle)
                .setMaxResults(1).getResultStream().findFirst());
    }
}
