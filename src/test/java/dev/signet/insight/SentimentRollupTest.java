package dev.signet.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.sentiment.MessageScored;
import dev.signet.sentiment.Scores;
import dev.signet.sentiment.Sentiment;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The roll-ups kept from MessageScored: counts per hour and class, terms per day with examples, flags. */
@QuarkusTest
class SentimentRollupTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    Scores scores;
    @Inject
    EntityManager em;

    /** A message sent in an hour of its own (years ago), so that the test's counts are its own. */
    private InboundMessage storedAt(Instant sentAt, String text) {
        InboundMessage now = world.mention(TestWorld.AIR, world.customer("Rollup Customer"), text, null);
        InboundMessage at = new InboundMessage(now.accountKey(), now.network(), now.externalId(), now.kind(), now.author(),
                null, now.text(), null, sentAt);
        intake.receive(at);
        return at;
    }

    private static Instant uniqueHour() {
        return Instant.parse("2015-01-01T00:00:00Z").plus(new Random().nextInt(24 * 365 * 5), ChronoUnit.HOURS)
                .plusSeconds(17 * 60);
    }

    private long[] counts(Instant sentAt) {
        List<HourlySentiment> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from HourlySentiment s where s.accountKey = :a and s.hourStart = :h", HourlySentiment.class)
                .setParameter("a", TestWorld.AIR).setParameter("h", sentAt.truncatedTo(ChronoUnit.HOURS)).getResultList());
        return rows.isEmpty() ? new long[3]
                : new long[] { rows.get(0).positive(), rows.get(0).neutral(), rows.get(0).negative() };
    }

    private List<Object[]> terms(Instant sentAt) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select t.term, t.mentions, t.exampleIds from DailyTerm t where t.accountKey = :a and t.day = :d order by t.term",
                Object[].class).setParameter("a", TestWorld.AIR).setParameter("d", LocalDate.ofInstant(sentAt, ZoneOffset.UTC))
                .getResultList());
    }

    private List<String> flags(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select f.reason from FlaggedMessage f where f.messageId = :id", FlagReason.class)
                .setParameter("id", messageId).getResultList()).stream().map(Enum::name).toList();
    }

    @Test
    void eachScoreCountsInItsHourAndClassOnce() {
        Instant hour = uniqueHour();
        InboundMessage first = storedAt(hour, "@SignetTestAir where is my luggage #LostBag");
        InboundMessage second = storedAt(hour.plusSeconds(60), "@SignetTestAir luggage found, thanks!");
        scores.score(first, Sentiment.NEGATIVE, 0.7);
        scores.score(second, Sentiment.POSITIVE, 0.9);
        assertEquals(List.of(1L, 0L, 1L), List.of(counts(hour)[0], counts(hour)[1], counts(hour)[2]));

        scores.score(second, Sentiment.POSITIVE, 0.95);
        assertEquals(1, counts(hour)[0], "the same score again is not counted twice");
    }

    @Test
    void aRescoredMessageMovesItsCountAndItsTermsAreCountedOnce() {
        Instant hour = uniqueHour();
        InboundMessage message = storedAt(hour, "@SignetTestAir refund refund please #Refund");
        scores.score(message, Sentiment.NEUTRAL, 0.6);
        scores.score(message, Sentiment.NEGATIVE, 0.9);
        long[] counts = counts(hour);
        assertEquals(0, counts[1]);
        assertEquals(1, counts[2]);
        List<Object[]> terms = terms(hour);
        assertEquals(List.of("#refund", "refund"), terms.stream().map(r -> (String) r[0]).toList());
        assertEquals(1L, terms.get(0)[1]);
    }

    @Test
    void termsKeepTheFirstMessagesAsExamples() {
        Instant hour = uniqueHour();
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            InboundMessage message = storedAt(hour.plusSeconds(i), "@SignetTestAir #WifiDown on board " + i);
            scores.score(message, Sentiment.NEGATIVE, 0.5);
            ids[i] = scores.messageId(message);
        }
        Object[] wifi = terms(hour).stream().filter(r -> r[0].equals("#wifidown")).findFirst().orElseThrow();
        assertEquals(5L, wifi[1]);
        String examples = (String) wifi[2];
        assertTrue(examples.startsWith(ids[0] + "," + ids[1] + ","), examples);
        assertTrue(examples.length() <= 100, examples);
    }

    @Test
    void confidentNegativeMessagesAreFlaggedUntilRescored() {
        Instant hour = uniqueHour();
        InboundMessage unsure = storedAt(hour, "@SignetTestAir meh");
        InboundMessage angry = storedAt(hour, "@SignetTestAir worst airline ever");
        long angryId = scores.messageId(angry);
        scores.score(unsure, Sentiment.NEGATIVE, 0.5);
        scores.score(angry, Sentiment.NEGATIVE, 0.97);
        assertEquals(List.of(), flags(scores.messageId(unsure)));
        assertEquals(List.of("NEGATIVE"), flags(angryId));
        scores.score(angry, Sentiment.NEGATIVE, 0.99);
        assertEquals(List.of("NEGATIVE"), flags(angryId), "flagged once");
        scores.score(angry, Sentiment.NEUTRAL, 0.8);
        assertEquals(List.of(), flags(angryId));
    }

    @Test
    void aScoreForAnUnknownMessageChangesNothing() {
        Instant hour = uniqueHour();
        scores.score(storedAt(hour, "@SignetTestAir known"), Sentiment.POSITIVE, 0.9);
        long before = counts(hour)[0];
        jakarta.enterprise.inject.spi.CDI.current().getBeanManager().getEvent().select(MessageScored.class)
                .fire(new MessageScored(Long.MAX_VALUE, 1, TestWorld.AIR, hour, Sentiment.POSITIVE, 0.9, "m"));
        assertEquals(before, counts(hour)[0]);
        assertNull(QuarkusTransaction.requiringNew().call(() -> em.find(ScoredMessage.class, Long.MAX_VALUE)));
    }
}
