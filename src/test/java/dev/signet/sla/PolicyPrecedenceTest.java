package dev.signet.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyPrecedenceTest {

    record P(String name, String accountKey, String tier, String channel) implements PolicyPrecedence.Scoped {
    }

    static final P DEFAULT = new P("default", "air", null, null);
    static final P DM = new P("dm", "air", null, "DM");
    static final P GOLD = new P("gold", "air", "GOLD", null);
    static final P GOLD_DM = new P("gold-dm", "air", "GOLD", "DM");
    static final P OTHER = new P("other", "mobile", null, null);
    static final List<P> ALL = List.of(GOLD_DM, OTHER, DM, DEFAULT, GOLD);

    static String chosen(String tier, String channel) {
        return PolicyPrecedence.choose(ALL, "air", tier, channel).map(P::name).orElse("none");
    }

    @Test
    void tierAndChannelBeatTierBeatChannelBeatDefault() {
        assertEquals("gold-dm", chosen("GOLD", "DM"));
        assertEquals("gold", chosen("GOLD", "PUBLIC"));
        assertEquals("dm", chosen("SILVER", "DM"));
        assertEquals("default", chosen("SILVER", "PUBLIC"));
        assertEquals("default", chosen("NONE", "PUBLIC"));
    }

    @Test
    void theOrderOfPoliciesDoesNotMatter() {
        assertEquals("gold-dm", PolicyPrecedence.choose(List.of(DEFAULT, GOLD, DM, GOLD_DM), "air", "GOLD", "DM")
                .map(P::name).orElseThrow());
        assertEquals("gold-dm", PolicyPrecedence.choose(List.of(GOLD_DM, DM, GOLD, DEFAULT), "air", "GOLD", "DM")
                .map(P::name).orElseThrow());
    }

    @Test
    void onlyTheAccountsOwnPoliciesApply() {
        assertTrue(PolicyPrecedence.choose(List.of(OTHER), "air", "GOLD", "DM").isEmpty());
        assertTrue(PolicyPrecedence.choose(List.of(GOLD_DM), "air", "SILVER", "DM").isEmpty());
    }
}
