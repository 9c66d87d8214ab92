package dev.signet.security;

/** The roles of Signet's users, as strings for {@code @RolesAllowed}. */
public final class Role {

    /** Answers customers from the queue. */
    public static final String AGENT = "agent";
    /** An agent who also takes escalations and approves. */
    public static final String LEAD = "lead";
    /** Reads sentiment and volume insights. */
    public static final String BRAND_MANAGER = "brand-manager";
    /** Manages accounts, users and imports. */
    public static final String ADMIN = "admin";

    private Role() {
    }

    public static boolean isKnown(String role) {
        return AGENT.equals(role) || LEAD.equals(role) || BRAND_MANAGER.equals(role) || ADMIN.equals(role);
    }
}
