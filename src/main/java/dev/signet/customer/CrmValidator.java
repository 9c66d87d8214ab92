package dev.signet.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks CRM rows before anything is stored: every problem is reported with its line and column. */
final class CrmValidator {

    /** Stands for a lifetime value that is not a number (identity-compared). */
    static final BigDecimal NOT_A_NUMBER = new BigDecimal("-0.0000001");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern X_USER_ID = Pattern.compile("^[0-9]{1,19}$");
    private static final Pattern X_HANDLE = Pattern.compile("^@?[A-Za-z0-9_]{1,64}$");

    private final List<String> tiers;

    CrmValidator(List<String> tiers) {
        this.tiers = tiers.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        for (String tier : this.tiers) {
            LoyaltyTier.parse(tier);
        }
    }

    List<RowError> validate(List<CrmRow> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Long> crmIds = new HashMap<>();
        Map<String, Long> userIds = new HashMap<>();
        for (CrmRow row : rows) {
            CrmRecord r = row.record();
            long line = row.line();
            required(errors, line, CrmCsv.CRM_ID, r.crmId(), 64);
            required(errors, line, CrmCsv.NAME, r.name(), 200);
            if (r.crmId() != null) {
                Long first = crmIds.putIfAbsent(r.crmId(), line);
                if (first != null) {
                    errors.add(new RowError(line, CrmCsv.CRM_ID, "Duplicate CRM id " + r.crmId() + " (first on line " + first + ")."));
                }
            }
            if (r.email() != null && (r.email().length() > 254 || !EMAIL.matcher(r.email()).matches())) {
                errors.add(new RowError(line, CrmCsv.EMAIL, "Not an email address."));
            }
            if (r.loyaltyTier() != null && !tiers.contains(r.loyaltyTier().trim().toLowerCase(Locale.ROOT))) {
                errors.add(new RowError(line, CrmCsv.LOYALTY_TIER, "Unknown tier '" + r.loyaltyTier() + "'; expected one of " + tiers + "."));
            }
            if (r.lifetimeValue() == NOT_A_NUMBER) {
                errors.add(new RowError(line, CrmCsv.LIFETIME_VALUE, "Not a number (use a dot for decimals, e.g. 1234.50)."));
            } else if (r.lifetimeValue() != null && (r.lifetimeValue().signum() < 0 || r.lifetimeValue().scale() > 2
                    || r.lifetimeValue().precision() - r.lifetimeValue().scale() > 12)) {
                errors.add(new RowError(line, CrmCsv.LIFETIME_VALUE, "Must be ≥ 0 with at most 2 decimals and 12 digits."));
            }
            if (r.tags() != null && r.tags().length() > 1000) {
                errors.add(new RowError(line, CrmCsv.TAGS, "Longer than 1000 characters."));
            }
            if (r.xUserId() != null) {
                if (!X_USER_ID.matcher(r.xUserId()).matches()) {
                    errors.add(new RowError(line, CrmCsv.X_USER_ID, "An X user id is a number."));
                } else {
                    Long first = userIds.putIfAbsent(r.xUserId(), line);
                    if (first != null) {
                        errors.add(new RowError(line, CrmCsv.X_USER_ID, "X user id " + r.xUserId()
                                + " already named on line " + first + ": one X account belongs to one customer."));
                    }
                }
            }
            if (r.xHandle() != null && !X_HANDLE.matcher(r.xHandle()).matches()) {
                errors.add(new RowError(line, CrmCsv.X_HANDLE, "An X handle has only letters, digits and underscores (at most 64)."));
            }
            if (r.notes() != null && r.notes().length() > 4000) {
                errors.add(new RowError(line, CrmCsv.NOTES, "Longer than 4000 characters."));
            }
        }
        return errors;
    }

    private static void required(List<RowError> errors, long line, String column, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new RowError(line, column, "Required."));
        } else if (value.length() > max) {
            errors.add(new RowError(line, column, "Longer than " + max + " characters."));
        }
    }
}
