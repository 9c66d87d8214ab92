package dev.signet.care.csat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * CSAT without fatigue: when and how a resolved conversation's customer is asked how satisfied they are, and how
 * their answer is recognised. See {@link CsatRule} for who is (not) asked.
 */
@ConfigMapping(prefix = "signet.care.csat")
public interface CsatConfig {

    String DEFAULT_QUESTION = "Thanks for letting us help. How satisfied are you? Reply with a number from 1 "
            + "(not at all) to 5 (very), and a few words if you like.";

    /** Ask satisfaction questions at all. Off: resolutions schedule nothing (surveys already asked still take answers). */
    @WithDefault("true")
    boolean enabled();

    /** A customer is asked at most once in this period, across all brand accounts and channels. */
    @WithDefault("30d")
    Duration period();

    /** Wait this long after resolution before asking, so that a conversation reopened soon after is not surveyed. */
    @WithDefault("10m")
    Duration delay();

    /** A customer's answer is recognised this long after the question (a reply to it, or a DM in that conversation). */
    @WithDefault("3d")
    Duration answerWindow();

    /** No question after a hand-off less than this long before resolution (the customer just changed hands). */
    @WithDefault("1h")
    Duration handOffQuiet();

    /** How often due surveys are decided (every replica; a row lock keeps them apart); {@code off} disables it. */
    @WithDefault("1m")
    String checkEvery();

    /** Due surveys decided per transaction. */
    @WithDefault("50")
    int batchSize();

    /**
     * The question, for accounts without their own; {@code {handle}} becomes the customer's X handle. The agent's
     * signature is appended as to every reply (and counted in the length).
     */
    @WithDefault(DEFAULT_QUESTION)
    String question();

    /** Per brand account (the key of {@code signet.channel.accounts}): its own question. */
    Map<String, Account> accounts();

    interface Account {

        /** This account's question (e.g. in its customers' language); none: the global one. */
        Optional<String> question();
    }

    /** The question for a brand account. */
    default String questionFor(String accountKey) {
        Account account = accounts().get(accountKey);
        return account == null ? question() : account.question().orElse(question());
    }
}
