package dev.signet.customer;

/** Why a social identity is linked to a customer. Every link names its rule. */
public enum LinkRule {
    /** The CRM record names the network user id. */
    CRM_USER_ID,
    /** The CRM record names the handle, knows no user id, and only this identity goes by that handle. */
    CRM_HANDLE,
    /** An agent linked it by hand, or confirmed a suggestion. */
    AGENT
}
