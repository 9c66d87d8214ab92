package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

import dev.signet.common.Money;

/**
 * The goodwill allowance's rules, free of the database: what a valid amount and reason are, whether a gesture
 * fits in what is left of the allowance (reaching it exactly does; a cent over does not), which period an instant
 * falls in, and how amounts are written. Built from {@link GoodwillConfig}; a wrong configuration stops the start.
 */
public final class GoodwillRule {

    /** Longest reason kept (characters, after trimming). */
    public static final int REASON_MAX = 500;
    /** Largest decimals any amount may have, whatever the currency. */
    private static final int MAX_DECIMALS = Money.MAX_DECIMALS;

    private final BigDecimal allowance;
    private final String currency;
    private final int decimals;
    private final BigDecimal maxAmount;
    private final GoodwillPeriod period;
    private final ZoneId zone;

    public GoodwillRule(BigDecimal allowance, String currency, BigDecimal maxAmount, GoodwillPeriod period, ZoneId zone) {
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("signet.care.goodwill.currency: '" + currency + "' is no ISO 4217 code", e);
        }
        this.currency = known.getCurrencyCode();
        this.decimals = Math.max(0, Math.min(MAX_DECIMALS, known.getDefaultFractionDigits()));
        if (allowance == null || allowance.signum() < 0) {
            throw new IllegalArgumentException("signet.care.goodwill.allowance must be 0 or more, was " + allowance);
        }
        if (maxAmount == null || maxAmount.signum() <= 0) {
            throw new IllegalArgumentException("signet.care.goodwill.max-amount must be more than 0, was " + maxAmount);
        }
        this.allowance = allowance.setScale(decimals, RoundingMode.HALF_UP);
        this.maxAmount = maxAmount.setScale(decimals, RoundingMode.HALF_UP);
        this.period = period;
        this.zone = zone;
    }

    public static GoodwillRule of(GoodwillConfig config) {
        return new GoodwillRule(config.allowance(), config.currency(), config.maxAmount(), config.period(), config.zone());
    }

    /**
     * The amount as stored (the currency's decimals), or refused: missing, zero or less, more decimals than the
     * currency has (at most 2), or over the largest single gesture.
     */
    public BigDecimal amount(BigDecimal raw) {
        if (raw == null) {
            throw GoodwillRejectedException.invalid("goodwill-amount-required", "Amount required",
                    "Say how much the gesture is worth, e.g. 20.00 (" + currency + ").");
        }
        if (raw.signum() <= 0) {
            throw GoodwillRejectedException.invalid("goodwill-amount-not-positive", "Amount must be more than zero",
                    "A goodwill gesture is worth more than " + format(BigDecimal.ZERO) + ".");
        }
        if (raw.stripTrailingZeros().scale() > decimals) {
            throw GoodwillRejectedException.invalid("goodwill-amount-decimals", "Too many decimals",
                    currency + " amounts have " + (decimals == 0 ? "no decimals" : "at most " + decimals + " decimals")
                            + ": " + shown(raw) + " can't be paid.");
        }
        if (raw.compareTo(maxAmount) > 0) {
            throw GoodwillRejectedException.invalid("goodwill-amount-too-large", "Amount too large",
                    "A single gesture is at most " + format(maxAmount) + ", even with a lead's approval; "
                            + (modest(raw) ? format(raw) : raw.toString()) + " looks like a typo. Larger compensation goes through the claims process.");
        }
        return raw.setScale(decimals, RoundingMode.UNNECESSARY);
    }

    /**
     * An amount as the agent wrote it, for a refusal: plain when it has few digits, else in scientific notation, as
     * writing out {@code 1e999999999} (or rounding it to cents) would take minutes and a gigabyte.
     */
    private static String shown(BigDecimal raw) {
        return modest(raw) ? raw.toPlainString() : raw.toString();
    }

    private static boolean modest(BigDecimal raw) {
        return raw.precision() - raw.scale() <= 20 && raw.scale() <= 20;
    }

    /**
     * An amount typed in a form: digits with an optional decimal point or comma ("20", "20.5", "20,50"); no
     * thousands separators, no sign, no currency.
     */
    public BigDecimal amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return amount((BigDecimal) null);
        }
        String text = typed.strip();
        if (!text.matches("[0-9]{1,9}([.,][0-9]{1,9})?")) {
            throw GoodwillRejectedException.invalid("goodwill-amount-unreadable", "Amount not understood",
                    "Write the amount as a number such as 20 or 20.50 (" + currency + ", no sign or thousands separator).");
        }
        return amount(new BigDecimal(text.replace(',', '.')));
    }

    /** The reason, trimmed; refused when blank or longer than {@value #REASON_MAX} characters. */
    public String reason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty()) {
            throw GoodwillRejectedException.invalid("goodwill-reason-required", "Say why",
                    "A goodwill gesture records why it was given: write a reason.");
        }
        if (reason.length() > REASON_MAX) {
            throw GoodwillRejectedException.invalid("goodwill-reason-too-long", "Reason too long",
                    "Keep the reason under " + REASON_MAX + " characters (it has " + reason.length() + ").");
        }
        return reason;
    }

    /** Granted at once when it fits in what is left ({@code used + amount <= allowance}); otherwise a lead decides. */
    public GoodwillStatus decide(BigDecimal used, BigDecimal amount) {
        return used.add(amount).compareTo(allowance) <= 0 ? GoodwillStatus.GRANTED : GoodwillStatus.PENDING_APPROVAL;
    }

    /** What is left of the allowance after {@code used} (never below zero). */
    public BigDecimal remaining(BigDecimal used) {
        BigDecimal left = allowance.subtract(used);
        return left.signum() < 0 ? zero() : left.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The period holding {@code at}. */
    public GoodwillPeriod.Window window(Instant at) {
        return period.window(at, zone);
    }

    /** The period holding the calendar day {@code day}. */
    public GoodwillPeriod.Window windowOf(java.time.LocalDate day) {
        return period.windowOf(day, zone);
    }

    /** "€20.00", "$5.00", "CHF 12.50", "¥500". */
    public String format(BigDecimal amount) {
        return format(amount, currency, decimals);
    }

    /** {@link #format(BigDecimal)} in another currency (a gesture recorded before the currency was changed). */
    public static String format(BigDecimal amount, String currency) {
        return Money.format(amount, currency);
    }

    private static String format(BigDecimal amount, String currency, int decimals) {
        return Money.format(amount, currency, decimals);
    }

    public BigDecimal zero() {
        return BigDecimal.ZERO.setScale(decimals);
    }

    public BigDecimal allowance() {
        return allowance;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal maxAmount() {
        return maxAmount;
    }

    public int decimals() {
        return decimals;
    }
}
