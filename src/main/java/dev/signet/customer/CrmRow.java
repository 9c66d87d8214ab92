package dev.signet.customer;

/** A CRM record with the line it starts on in its file (or its position, 1-based, in an API batch). */
record CrmRow(long line, CrmRecord record) {
}
