package dev.signet.demo;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.care.CareService;
import dev.signet.care.ConversationQueryService;
import dev.signet.care.note.ConversationNoteService;
import dev.signet.care.queue.QueueFilter;
import dev.signet.care.queue.QueueItem;
import dev.signet.care.queue.QueueResult;
import dev.signet.security.AppUserService;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes the embedded demo's queue show collision at a glance: once the first poll has brought the sandbox's
 * conversations in, Jonas (^JK) claims the one at the top, so Maria sees it "held by ^JK" and is refused if she
 * replies, and leaves an internal note mentioning Maria (@MD), so her bell shows a notification. Once per run;
 * the claim runs out after the lease like any other. Never in production (signet.demo.seed, signet.demo.scenes).
 */
@ApplicationScoped
public class DemoQueueSeeder {

    private static final Logger LOG = Logger.getLogger(DemoQueueSeeder.class);
    static final String HOLDER = "jonas";

    private final DemoConfig config;
    private final ConversationQueryService conversations;
    private final CareService care;
    private final AppUserService users;
    private final ConversationNoteService notes;
    private final AtomicBoolean done = new AtomicBoolean();

    public DemoQueueSeeder(DemoConfig config, ConversationQueryService conversations, CareService care,
            AppUserService users, ConversationNoteService notes) {
        this.config = config;
        this.notes = notes;
        this.conversations = conversations;
        this.care = care;
        this.users = users;
    }

    @Scheduled(identity = "demo-queue", every = "15s", delayed = "20s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void holdOneForJonas() {
        if (!config.seed() || !config.scenes() || done.get()) {
            return;
        }
        QueueResult top = conversations.queue(new QueueFilter(null, null, 0, 1));
        if (top.items().isEmpty()) {
            return;
        }
        done.set(true);
        QueueItem first = top.items().get(0);
        if (first.holder() == null) {
            users.findByUsername(HOLDER).ifPresent(jonas -> {
                care.claim(first.id(), jonas);
                LOG.infof("demo: conversation held by ^%s: conversation=%d", jonas.initials(), first.id());
                // An internal note that mentions Maria: her bell shows it (once per database, not per restart).
                if (notes.latest(first.id()).total() == 0) {
                    notes.add(first.id(), "@MD I'm on the phone with the customer's airport team about this one;"
                            + " if they write again while I'm away, please pick it up.", jonas);
                }
            });
        }
    }
}
