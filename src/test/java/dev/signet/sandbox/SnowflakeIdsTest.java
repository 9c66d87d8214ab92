package dev.signet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SnowflakeIdsTest {

    private final SnowflakeIds ids = new SnowflakeIds(7);

    @Test
    void idsStrictlyGrowAndNeverRepeatEvenWithinOneMillisecond() {
        long previous = ids.nextId();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long id = ids.nextId();
            assertTrue(id > previous, "id " + id + " after " + previous);
            assertTrue(seen.add(id));
            previous = id;
        }
    }

    @Test
    void idsExceedTwoToThe53LikeRealXIds() {
        assertTrue(ids.nextId() > (1L << 53));
    }

    @Test
    void anIdTellsWhenItWasMade() {
        Instant before = Instant.now().minusMillis(1);
        long id = ids.nextId();
        Instant made = SnowflakeIds.instantOf(id);
        assertTrue(!made.isBefore(before) && !made.isAfter(Instant.now().plusMillis(50)), made.toString());
    }

    @Test
    void pastIdsFollowTimeOrderAndSortBeforeNewIds() {
        Instant now = Instant.now();
        long sixHoursAgo = ids.idAt(now.minus(Duration.ofHours(6)));
        long sameMomentAgain = ids.idAt(now.minus(Duration.ofHours(6)));
        long oneHourAgo = ids.idAt(now.minus(Duration.ofHours(1)));
        long fresh = ids.nextId();
        assertNotEquals(sixHoursAgo, sameMomentAgain);
        assertTrue(sixHoursAgo < oneHourAgo && sameMomentAgain < oneHourAgo);
        assertTrue(oneHourAgo < fresh);
        assertEquals(now.minus(Duration.ofHours(1)).toEpochMilli(), SnowflakeIds.instantOf(oneHourAgo).toEpochMilli());
    }

    @Test
    void theLayoutIsXs() {
        Instant moment = Instant.ofEpochMilli(SnowflakeIds.TWITTER_EPOCH_MILLIS + 1000);
        long id = new SnowflakeIds(0).idAt(moment);
        assertEquals(1000L, id >>> 22);
    }
}
