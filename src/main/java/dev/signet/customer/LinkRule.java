package dev.signet.customer;

/** Why a social identity is linked to a customer. Every link names its rule. */
public enum LinkRule {
    /** The CRM record names the network user id. */
    CRM_USER_ID,
    /** An agent linked it by hand. */
    AGENT
}
