package dev.signet.audit;

/**
 * What an entry is about: a type ({@code customer}, {@code conversation}, {@code user}, {@code sla-policy}, …) and its
 * id in that type (a number, a user name, an export's name).
 */
public record AuditTarget(String type, String id) {

    public static final String CUSTOMER = "customer";
    public static final String CONVERSATION = "conversation";
    public static final String USER = "user";
    public static final String GOODWILL = "goodwill";
    public static final String EXPORT = "export";
    public static final String SENTIMENT_MODEL = "sentiment-model";
    public static final String SLA_POLICY = "sla-policy";

    /** The width of {@code audit_entry.target_id}. */
    static final int ID_MAX = 64;

    public AuditTarget {
        if (type == null || type.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("An audit target needs a type and an id");
        }
        // Ids come from outside too (a user name typed at a failed login may be 100,000 characters): the entry keeps
        // their first 64, as it does for the actor, rather than failing the request that is being audited.
        if (id.length() > ID_MAX) {
            id = id.substring(0, ID_MAX);
        }
    }

    public static AuditTarget of(String type, Object id) {
        return new AuditTarget(type, String.valueOf(id));
    }
}
