package dev.signet.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpikeRuleTest {

    private final SpikeRule volume = new SpikeRule(3.5, 3, 2, 20);

    @Test
    void aSyntheticSpikeIsASpike() {
        SpikeRule.SpikeScore score = volume.score(150, List.of(40.0, 44.0, 38.0, 41.0, 45.0, 39.0)).orElseThrow();
        assertTrue(score.spike());
        assertEquals(40.5, score.median(), 1e-9);
        assertTrue(score.z() > 20, "z=" + score.z());
    }

    @Test
    void aFlatSeriesStaysSilent() {
        List<Double> history = List.of(40.0, 44.0, 38.0, 41.0, 45.0, 39.0);
        for (double value : new double[] { 36, 40, 44, 46, 48 }) {
            assertFalse(volume.score(value, history).orElseThrow().spike(), "value " + value);
        }
    }

    @Test
    void aDropIsNotASpike() {
        assertFalse(volume.score(0, List.of(40.0, 44.0, 38.0, 41.0)).orElseThrow().spike());
    }

    @Test
    void oneEarlierSpikeInTheHistoryDoesNotHideTheNext() {
        // A mean and standard deviation would be dragged up by the 400; median and MAD are not.
        assertTrue(volume.score(150, List.of(40.0, 400.0, 38.0, 41.0, 45.0, 39.0)).orElseThrow().spike());
    }

    @Test
    void aPerfectlyRegularHistoryUsesTheSmallestSpread() {
        SpikeRule.SpikeScore small = volume.score(32, List.of(30.0, 30.0, 30.0, 30.0)).orElseThrow();
        assertEquals(2, small.mad(), 1e-9);
        assertFalse(small.spike());
        assertTrue(volume.score(45, List.of(30.0, 30.0, 30.0, 30.0)).orElseThrow().spike());
    }

    @Test
    void tooLittleHistoryOrTooFewMessagesRaiseNothing() {
        assertTrue(volume.score(500, List.of(1.0, 2.0)).isEmpty());
        assertFalse(volume.score(15, List.of(1.0, 1.0, 1.0, 2.0)).orElseThrow().spike(), "below the minimum volume");
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.5, SpikeRule.median(new double[] { 4, 1, 3, 2 }), 1e-9);
        assertEquals(3, SpikeRule.median(new double[] { 5, 3, 1 }), 1e-9);
    }
}
