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
import dev.signet.care.csat.CsatAnswer;
import dev.signet.care.csat.CsatConfig;
import dev.signet.care.csat.CsatSkipReason;
import dev.signet.care.csat.CsatSurvey;
import dev.signet.channel.ChannelAccount;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.Network;
import dev.signet.customer.SocialIdentity;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo CSAT history for the embedded default ({@code signet.demo.insights-history}): on the first brand account,
 * 30 resolved conversations of the last four weeks, each answered by Maria (^MD), whose surveys were asked and
 * mostly answered (a few skipped, with their reasons), so that the insights page's CSAT section shows figures.
 * Generated (the page says its history is demo data); seeded once, when the account has no survey yet;
 * deterministic. The authors are demo identities of their own (ids 9100000000…), not sandbox customers.
 */
@ApplicationScoped
public class CsatDemoHistory {

    private static final Logger LOG = Logger.getLogger(CsatDemoHistory.class);
    static final int CONVERSATIONS = 30;
    private static final String AGENT = "maria";
    private static final List<String> ISSUES = List.of("my bag did not arrive", "the app logs me out all the time",
            "can I change my seat?", "refund for the cancelled flight?", "wifi on board did not work",
            "my boarding pass won't load");
    private static final List<String> ANSWERS = List.of("5", "4", "5 thanks, quick help!", "4/5", "3", "⭐⭐⭐⭐⭐",
            "2 - took three days", "5", "4", "five", "3/5", "1 - still no refund", "4", "5", "4 good");

    private final DemoConfig config;
    private final ChannelConfig channels;
    private final ChannelAccountRepository accounts;
    private final AppUserService users;
    private final CsatConfig csat;
    private final PriorityRule priority;
    private final EntityManager em;
    private final Clock clock;

    public CsatDemoHistory(DemoConfig config, ChannelConfig channels, ChannelAccountRepository accounts,
            AppUserService users, CsatConfig csat, PriorityRule priority, EntityManager em, Clock clock) {
        this.config = config;
        this.channels = channels;
        this.accounts = accounts;
        this.users = users;
        this.csat = csat;
        this.priority = priority;
        this.em = em;
        this.clock = clock;
    }

    // After the demo users (20) and the brand accounts (registered at the default priority).
    void onStart(@Observes @Priority(3000) StartupEvent start) {
        if (!config.insightsHistory() || channels.accounts().isEmpty()) {
            return;
        }
        String accountKey = channels.accounts().keySet().stream().sorted().findFirst().orElseThrow();
        AppUser maria = users.findByUsername(AGENT).orElse(null);
        if (maria == null) {
            return;
        }
        int seeded = QuarkusTransaction.requiringNew().call(() -> seed(accountKey, maria, clock.instant()));
        if (seeded > 0) {
            LOG.infof("demo csat history seeded: account=%s surveys=%d", accountKey, seeded);
        }
    }

    int seed(String accountKey, AppUser agent, Instant now) {
        ChannelAccount account = accounts.findByKey(accountKey).orElse(null);
        if (account == null || ((Number) em.createNativeQuery("select count(*) from csat_survey where account_id = :a")
                .setParameter("a", account.id()).getSingleResult()).longValue() > 0) {
            return 0;
        }
        AppUser maria = em.merge(agent);
        Random random = new Random(7);
        String signature = " ^" + maria.initials();
        for (int i = 0; i < CONVERSATIONS; i++) {
            Instant first = now.minus(Duration.ofHours(20 + 22L * i + random.nextInt(6)));
            Instant replied = first.plus(Duration.ofMinutes(10 + random.nextInt(50)));
            Instant resolved = replied.plus(Duration.ofMinutes(30 + random.nextInt(180)));
            Instant due = resolved.plus(csat.delay());
            String userId = Long.toString(9_100_000_000L + i);
            SocialIdentity author = new SocialIdentity(Network.X, userId, "demo_rater_" + i, "Demo Rater " + i, first);
            em.persist(author);
            Conversation conversation = new Conversation(account, author, ConversationKind.PUBLIC, first, first);
            String issue = "@" + account.handle() + " " + ISSUES.get(i % ISSUES.size());
            conversation.customerWrote(issue, first, Duration.ofHours(2));
            em.persist(conversation);
            String inId = "demo-csat-in-" + i;
            em.persist(Message.fromCustomer(conversation, Network.X, inId, author, issue, null, first, first));
            String answerText = "Sorted for you, sorry for the trouble." + signature;
            Message reply = Message.fromAgent(conversation, maria, answerText, inId, replied);
            reply.published("demo-csat-out-" + i, replied);
            em.persist(reply);
            conversation.agentAnswered(answerText, replied);
            conversation.changeStatus(ConversationStatus.RESOLVED, resolved);
            conversation.prioritize(priority);
            CsatSurvey survey = new CsatSurvey(conversation, maria, resolved, due, resolved);
            em.persist(survey);
            if (i % 10 == 3) {
                survey.skipped(CsatSkipReason.ASKED_RECENTLY, due);
                continue;
            }
            if (i % 10 == 7) {
                survey.skipped(CsatSkipReason.RECENT_HAND_OFF, due);
                continue;
            }
            Message question = Message.fromAgent(conversation, maria, csat.questionFor(accountKey) + signature, inId, due);
            question.published("demo-csat-q-" + i, due);
            em.persist(question);
            survey.asked(question, null, due);
            if (i % 4 == 1) {
                continue; // no answer
            }
            String text = "@" + account.handle() + " " + ANSWERS.get(i % ANSWERS.size());
            Instant answered = due.plus(Duration.ofMinutes(5 + random.nextInt(600)));
            Message answer = Message.fromCustomer(conversation, Network.X, "demo-csat-a-" + i, author, text,
                    "demo-csat-q-" + i, answered, answered);
            em.persist(answer);
            survey.answered(answer, CsatAnswer.parse(text), false, answered);
        }
        return CONVERSATIONS;
    }
}
