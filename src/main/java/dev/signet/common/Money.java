package dev.signet.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

/**
 * How an amount of money is written, the one place for it (goodwill pages, the goodwill API and the customer
 * timeline): "€20.00", "$5.00", "£3.10", "¥500", "CHF 12.50". The currency's usual decimals (at most 2).
 */
public final class Money {

    /** Largest decimals any amount is written with, whatever the currency. */
    public static final int MAX_DECIMALS = 2;
    /** Currencies written with their sign before the amount; others as "CHF 20.00". */
    private static final Map<String, String> SIGNS = Map.of("EUR", "€", "USD", "$", "GBP", "£", "JPY", "¥");

    private Money() {
    }

    /** {@code amount} in {@code currency} (an ISO 4217 code) with the currency's usual decimals. */
    public static String format(BigDecimal amount, String currency) {
        return format(amount, currency, decimals(currency));
    }

    /** {@code amount} in {@code currency} with exactly {@code decimals} decimals. */
    public static String format(BigDecimal amount, String currency, int decimals) {
        String number = amount.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        String sign = SIGNS.get(currency);
        return sign != null ? sign + number : currency + " " + number;
    }

    /** The currency's usual decimals, at most {@link #MAX_DECIMALS}; {@link #MAX_DECIMALS} for a code Java doesn't know. */
    public static int decimals(String currency) {
        try {
            return Math.max(0, Math.min(MAX_DECIMALS, Currency.getInstance(currency).getDefaultFractionDigits()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // An unknown code stored earlier is still written, with the widest decimals: nothing is hidden.
            return MAX_DECIMALS;
        }
    }
}
