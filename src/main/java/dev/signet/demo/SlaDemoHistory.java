package dev.signet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationStatus;
import dev.signet.care.Message;
import dev.signet.care.PriorityRule;
import dev.signet.channel.ChannelAccount;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.Network;
import dev.signet.customer.SocialIdentity;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import dev.signet.sla.SlaPolicyRequest;
import dev.signet.sla.SlaPolicyService;
import dev.signet.sla.SlaRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo service levels for the embedded default ({@code signet.demo.insights-history}): policies for both demo brands
 * — @AcmeAir around the clock with a stricter one for gold customers' DMs, @NimbusMobile in Warsaw business hours
 * with holidays and a stricter one for DMs — and, on the second brand, 24 resolved conversations of the last two
 * weeks answered by Maria (^MD) sometimes quickly, sometimes late, so that the insights' service-level section shows
 * targets met and breached for both brands (the first brand's history is the CSAT demo's). Then every conversation
 * of both brands is measured. Seeded once, when no policy exists; deterministic.
 */
@ApplicationScoped
public class SlaDemoHistory {

    private static final Logger LOG = Logger.getLogger(SlaDemoHistory.class);
    static final String AGENT = "maria";
    static final int CONVERSATIONS = 24;
    private static final List<String> ISSUES = List.of("my number port is stuck", "no signal at home since Monday",
            "I was billed twice this month", "roaming doesn't work in Berlin", "the app logs me out every day",
            "when does my contract end?");

    private final DemoConfig config;
    private final ChannelConfig channels;
    private final ChannelAccountRepository accounts;
    private final AppUserService users;
    private final SlaPolicyService policies;
    private final SlaRecorder recorder;
    private final PriorityRule priority;
    private final EntityManager em;
    private final Clock clock;

    public SlaDemoHistory(DemoConfig config, ChannelConfig channels, ChannelAccountRepository accounts,
            AppUserService users, SlaPolicyService policies, SlaRecorder recorder, PriorityRule priority,
            EntityManager em, Clock clock) {
        this.config = config;
        this.channels = channels;
        this.accounts = accounts;
        this.users = users;
        this.policies = policies;
        this.recorder = recorder;
        this.priority = priority;
        this.em = em;
        this.clock = clock;
    }

    // After the CSAT demo history (3000), whose conversations the first brand's figures are measured from.
    void onStart(@Observes @Priority(3100) StartupEvent start) {
        if (!config.insightsHistory() || channels.accounts().size() < 2 || !policies.list(null).isEmpty()) {
            return;
        }
        List<String> keys = channels.accounts().keySet().stream().sorted().toList();
        String air = keys.get(0);
        String mobile = keys.get(1);
        policies.save(new SlaPolicyRequest(air, null, null, 30, 60, 240, true, null, null), "demo");
        policies.save(new SlaPolicyRequest(air, "GOLD", "DM", 10, 30, 120, true, null, null), "demo");
        String hours = "MON-FRI 08:00-20:00, SAT 09:00-15:00";
        String holidays = "2026-12-24, 2026-12-25, 2026-12-26, 2027-01-01";
        policies.save(new SlaPolicyRequest(mobile, null, null, 60, 120, 1440, false, hours, holidays), "demo");
        policies.save(new SlaPolicyRequest(mobile, null, "DM", 30, 60, 720, false, hours, holidays), "demo");
        AppUser maria = users.findByUsername(AGENT).orElse(null);
        if (maria != null) {
            QuarkusTransaction.requiringNew().run(() -> seed(mobile, maria, clock.instant()));
        }
        int noted = recorder.noteAll(air) + recorder.noteAll(mobile);
        LOG.infof("demo sla policies and history seeded: accounts=%s,%s conversations_to_measure=%d", air, mobile, noted);
    }

    void seed(String accountKey, AppUser agent, Instant now) {
        ChannelAccount account = accounts.findByKey(accountKey).orElse(null);
        if (account == null) {
            return;
        }
        AppUser maria = em.merge(agent);
        Random random = new Random(11);
        String signature = " ^" + maria.initials();
        for (int i = 0; i < CONVERSATIONS; i++) {
            Instant first = now.minus(Duration.ofHours(6 + 13L * i + random.nextInt(4)));
            // Every fourth answer comes late (hours rather than minutes): some targets are breached.
            Instant replied = first.plus(Duration.ofMinutes(i % 4 == 2 ? 240 + random.nextInt(600) : 5 + random.nextInt(50)));
            Instant resolved = replied.plus(Duration.ofMinutes(20 + random.nextInt(i % 5 == 1 ? 3000 : 400)));
            String userId = Long.toString(9_200_000_000L + i);
            SocialIdentity author = new SocialIdentity(Network.X, userId, "demo_sla_" + i, "Demo Caller " + i, first);
            em.persist(author);
            ConversationKind kind = i % 3 == 0 ? ConversationKind.DM : ConversationKind.PUBLIC;
            Conversation conversation = new Conversation(account, author, kind, first, first);
            String issue = (kind == ConversationKind.PUBLIC ? "@" + account.handle() + " " : "") + ISSUES.get(i % ISSUES.size());
            conversation.customerWrote(issue, first, Duration.ofHours(2));
            em.persist(conversation);
            String inId = "demo-sla-in-" + i;
            em.persist(Message.fromCustomer(conversation, Network.X, inId, author, issue, null, first, first));
            String answerText = "Looking into it now, sorry for the trouble." + signature;
            Message reply = Message.fromAgent(conversation, maria, answerText, inId, replied);
            reply.published("demo-sla-out-" + i, replied);
            em.persist(reply);
            conversation.agentAnswered(answerText, replied);
            conversation.changeStatus(ConversationStatus.RESOLVED, resolved);
            conversation.prioritize(priority);
        }
    }
}
