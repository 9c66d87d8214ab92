package dev.signet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.signet.care.CareService;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationQueryService;
import dev.signet.care.ConversationStatus;
import dev.signet.care.promise.PromiseRequest;
import dev.signet.care.queue.QueueFilter;
import dev.signet.care.queue.QueueItem;
import dev.signet.security.AppUserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes the embedded demo show a kept promise: once the first poll has brought the sandbox's conversations in, Maria
 * (^MD) sets Ben Carter's number-porting DM on @NimbusMobile to waiting on us, promising an update in 25 minutes
 * with the update written in advance. The queue marks it "update due" at once (the lead time is 30 minutes) and the
 * update is published, signed {@code -md}, when it falls due. Once per database (skipped when any promise exists).
 */
@ApplicationScoped
public class DemoPromiseSeeder {

    private static final Logger LOG = Logger.getLogger(DemoPromiseSeeder.class);
    static final String AGENT = "maria";
    static final String ACCOUNT = "nimbus-mobile";
    static final String CUSTOMER = "bencarter";
    static final String UPDATE = "Update on your port NB-448812: your old carrier has released the number; it moves "
            + "to Nimbus within the hour. No need to do anything.";

    private final DemoConfig config;
    private final ConversationQueryService conversations;
    private final CareService care;
    private final AppUserService users;
    private final EntityManager em;
    private final Clock clock;
    private final AtomicBoolean done = new AtomicBoolean();

    public DemoPromiseSeeder(DemoConfig config, ConversationQueryService conversations, CareService care,
            AppUserService users, EntityManager em, Clock clock) {
        this.config = config;
        this.conversations = conversations;
        this.care = care;
        this.users = users;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(identity = "demo-promise", every = "15s", delayed = "25s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void promiseAnUpdate() {
        if (!config.seed() || !config.scenes() || done.get()) {
            return;
        }
        long promises = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(p) from UpdatePromise p", Long.class).getSingleResult());
        if (promises > 0) {
            done.set(true);
            return;
        }
        QueueItem ben = conversations.queue(new QueueFilter(ACCOUNT, ConversationKind.DM, 0, QueueFilter.MAX_SIZE))
                .items().stream().filter(item -> CUSTOMER.equals(item.handle()) && item.holder() == null)
                .findFirst().orElse(null);
        if (ben == null) {
            return;
        }
        done.set(true);
        Instant due = clock.instant().plus(Duration.ofMinutes(25)).truncatedTo(ChronoUnit.MINUTES);
        users.findByUsername(AGENT).ifPresent(maria -> {
            care.changeStatus(ben.id(), ConversationStatus.WAITING_ON_US,
                    new PromiseRequest(due.atOffset(ZoneOffset.UTC).toString(), UPDATE), maria);
            LOG.infof("demo: ^%s promised an update by %s: conversation=%d", maria.initials(), due, ben.id());
        });
    }
}
