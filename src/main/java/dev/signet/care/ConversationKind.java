package dev.signet.care;

/** Public thread or private direct-message conversation; they stay distinct. */
public enum ConversationKind {
    PUBLIC, DM
}
