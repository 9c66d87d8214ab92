package dev.signet.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationKind;

/** The canned replies' variables: which are known, how they are filled, and what still has to be filled in. */
class CannedTemplateTest {

    private static final Map<String, String> VALUES = Map.of("first_name", "María", "name", "María García",
            "handle", "@maria_garcia88", "agent_first_name", "Lena", "brand", "@AcmeAir");

    @Test
    void knownVariablesAndFactsPassUnknownOnesAreListed() {
        assertEquals(List.of(), CannedTemplate.unknownVariables(
                "Hi {first_name} ({handle}), {agent_first_name} of {brand} here: {fact:Baggage report} {name}"));
        assertEquals(List.of("firstname", "fact:", "Handle"),
                CannedTemplate.unknownVariables("Hi {firstname} {fact:} {Handle} {handle} {firstname}"));
        assertEquals(List.of(""), CannedTemplate.unknownVariables("empty {} braces"));
        assertEquals(List.of(), CannedTemplate.unknownVariables("a lone { brace"), "a lone brace is text");
        assertEquals(List.of(), CannedTemplate.unknownVariables("a closing } one :-}"), "a lone brace is text");
        assertEquals(List.of("brace and"), CannedTemplate.unknownVariables("a { brace and } pair"), "a pair is a variable");
        assertEquals(List.of("fact:" + "x".repeat(61)), CannedTemplate.unknownVariables("{fact:" + "x".repeat(61) + "}"));
    }

    @Test
    void everyVariableIsFilledAndFactsMatchTheirLabelInAnyCase() {
        CannedTemplate.Filled filled = CannedTemplate.fill(
                "Hi {first_name}, {agent_first_name} from {brand} here. Report {fact:baggage REPORT} for {handle}.",
                VALUES, Map.of("baggage report", "MADAA41273"));
        assertEquals("Hi María, Lena from @AcmeAir here. Report MADAA41273 for @maria_garcia88.", filled.text());
        assertEquals(List.of(), filled.missing());
    }

    @Test
    void aMissingValueBecomesAMarkerNeverARawVariable() {
        Map<String, String> values = new HashMap<>(VALUES);
        values.put("first_name", null);
        values.put("name", "  ");
        CannedTemplate.Filled filled = CannedTemplate.fill("Hi {first_name} {name}, your code {fact:Booking code}. {first_name}!",
                values, Map.of());
        assertEquals("Hi [[first_name]] [[name]], your code [[fact:Booking code]]. [[first_name]]!", filled.text());
        assertEquals(List.of("first_name", "name", "fact:Booking code"), filled.missing());
        assertTrue(CannedTemplate.unknownVariables(filled.text()).isEmpty());
        assertEquals(List.of("[[first_name]]", "[[name]]", "[[fact:Booking code]]"), CannedTemplate.unfilled(filled.text()));
    }

    @Test
    void markersAndRawKnownVariablesAreUnfilledOtherBracesAreText() {
        assertEquals(List.of(), CannedTemplate.unfilled("Thanks! {not a variable} [single] [[ ]x"));
        assertEquals(List.of("{handle}"), CannedTemplate.unfilled("Thanks {handle}"));
        assertEquals(List.of("[[anything]]"), CannedTemplate.unfilled("Thanks [[anything]]"));
        assertEquals(List.of(), CannedTemplate.unfilled(null));
    }

    @Test
    void theFirstNameIsTheFirstWord() {
        assertEquals("María", CannedTemplate.firstWord("  María  García "));
        assertEquals("Zoe", CannedTemplate.firstWord("Zoe"));
        assertNull(CannedTemplate.firstWord(" "));
        assertNull(CannedTemplate.firstWord(null));
    }

    @Test
    void kindsFitConversations() {
        assertTrue(CannedKind.BOTH.fits(ConversationKind.DM) && CannedKind.BOTH.fits(ConversationKind.PUBLIC));
        assertTrue(CannedKind.DM.fits(ConversationKind.DM) && !CannedKind.DM.fits(ConversationKind.PUBLIC));
        assertTrue(CannedKind.PUBLIC.fits(ConversationKind.PUBLIC) && !CannedKind.PUBLIC.fits(ConversationKind.DM));
        assertEquals(CannedKind.DM, CannedKind.parse(" dm "));
        assertEquals(CannedKind.BOTH, CannedKind.parse(null));
        assertEquals(400, org.junit.jupiter.api.Assertions.assertThrows(CannedReplyException.class,
                () -> CannedKind.parse("sms")).status());
    }
}
