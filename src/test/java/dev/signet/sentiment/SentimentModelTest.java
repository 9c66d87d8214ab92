package dev.signet.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The shipped model (encoders + head, loaded once by the application) on a fixed sample of customer-care posts
 * written by the Signet team. Thresholds sit well below the benchmark's goals so the test is stable.
 */
@QuarkusTest
@TestProfile(SentimentTestProfile.class)
class SentimentModelTest {

    private static final List<SentimentDatasets.Labelled> SAMPLE = List.of(
            new SentimentDatasets.Labelled("@AcmeAir thank you so much, the crew was wonderful and we landed early!", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("Loved the new seats on my flight today, great job", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("@NimbusMobile support fixed my phone in five minutes, amazing service", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("Best airline ever. Friendly staff and free snacks :)", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("Thanks for sorting out my booking so quickly, really appreciate it", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("So happy with my upgrade, you made my birthday", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("Great customer service from Anna at the gate, she deserves a raise", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("Your app is excellent now, booking took a minute", Sentiment.POSITIVE),
            new SentimentDatasets.Labelled("@AcmeAir what time does the check-in desk open in Lisbon?", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("Is there wifi on the flight from Denver to Boston?", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("@NimbusMobile how do I change the email address on my account", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("Can I bring a guitar as carry-on?", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("Flight 214 departs from gate B12 tomorrow morning", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("Do you have a phone number for lost and found at JFK", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("Which plan includes roaming in Canada?", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("I sent you a DM with my booking reference", Sentiment.NEUTRAL),
            new SentimentDatasets.Labelled("@AcmeAir worst experience ever, 4 hours delayed and nobody tells us anything", Sentiment.NEGATIVE),
            new SentimentDatasets.Labelled("You lost my bag again. Absolutely unacceptable.", Sentiment.NEGATIVE),
            new SentimentDatasets.Labelled("@NimbusMobile my internet has been down for three days and support keeps hanging up", Sentiment.NEGATIVE),
            new SentimentDatasets.Labelled("Rude staff at the counter, never flying with you again", Sentiment.NEGATIVE),
            new SentimentDatasets.Labelled("Cancelled flight, no hotel, no food voucher. Disgusting treatment", Sentiment.NEGATIVE),
            new SentimentDatasets.Labelled("I have been on hold for two hours, this is ridiculous", Sentiment.NEGATIVE),
            new SentimentDatasets.Labelled("Charged twice for the same bill and nobody will refund me", Sentiment.NEGATIVE),
            new SentimentDatasets.Labelled("The seat was broken and the toilet was filthy. Terrible flight", Sentiment.NEGATIVE));

    @Inject
    SentimentModels models;

    @Test
    void theShippedModelGetsMostOfAFixedSampleRight() {
        SentimentHead head = models.shipped().head();
        List<Sentiment> predicted = new ArrayList<>();
        for (SentimentDatasets.Labelled l : SAMPLE) {
            double[] p = head.probabilities(models.features(l.text()));
            assertTrue(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-6, "probabilities sum to 1");
            predicted.add(Sentiment.values()[SentimentHead.argmax(p)]);
        }
        Evaluation e = Evaluation.of(SAMPLE.stream().map(SentimentDatasets.Labelled::label).toList(), predicted);
        assertTrue(e.macroF1() >= 0.65, e.describe("fixed sample"));
        assertTrue(e.f1(Sentiment.NEGATIVE) >= 0.7, e.describe("fixed sample"));
        assertTrue(models.shipped().version().startsWith("shipped-"));
    }

    @Test
    void batchedEncodingAgreesWithOneTextAtATime() {
        List<String> texts = SAMPLE.stream().map(l -> TweetText.normalize(l.text())).toList();
        List<float[]> batched = models.embeddings().embedAll(texts);
        SentimentHead head = models.shipped().head();
        for (int i = 0; i < texts.size(); i++) {
            float[] single = models.embeddings().embed(texts.get(i));
            // A micro-batch of one text is exactly the one-text path (same tokens, same pooling).
            float[] alone = models.embeddings().embedAll(List.of(texts.get(i))).get(0);
            for (int j = 0; j < single.length; j++) {
                assertEquals(single[j], alone[j], 1e-5, "text " + i + " dimension " + j);
            }
            // Padded micro-batches move the int8-quantized encoders' outputs a little, never the meaning.
            double dot = 0;
            for (int j = 0; j < single.length; j++) {
                dot += single[j] * batched.get(i)[j];
            }
            assertTrue(dot / 2 > 0.98, "cosine of text " + i + ": " + dot / 2);
            assertEquals(SentimentHead.argmax(head.probabilities(single)),
                    SentimentHead.argmax(head.probabilities(batched.get(i))), "label of text " + i);
        }
        assertEquals(0, models.features(List.of()).size());
    }
}
