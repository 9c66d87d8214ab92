package dev.signet.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Which classes the fast tier keeps: plain JUnit tests, never one that starts Quarkus however it says so. */
class FastTierTest {

    @Tag("rule")
    static class Plain {
    }

    @QuarkusTest
    static class Annotated {
    }

    static class Inherited extends Annotated {
    }

    @QuarkusTest
    static class Outer {
        class Nested {
        }
    }

    @Test
    void plainRuleTestsAreKept() {
        assertFalse(FastTier.startsQuarkus(FastTierTest.class));
        assertFalse(FastTier.startsQuarkus(Plain.class));
    }

    @Test
    void quarkusTestsAreLeftOutDirectlyInheritedOrNested() {
        assertTrue(FastTier.startsQuarkus(Annotated.class));
        assertTrue(FastTier.startsQuarkus(Inherited.class));
        assertTrue(FastTier.startsQuarkus(Outer.Nested.class));
    }
}
