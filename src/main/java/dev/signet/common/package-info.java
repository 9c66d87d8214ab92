/**
 * What every package may use and none owns: the application {@code Clock}, the few SQL differences between
 * PostgreSQL and H2 ({@code DatabaseDialect}, {@code SqlValues}), money formatting ({@code Money}) and the refusal
 * of renamed configuration keys at start ({@code RenamedConfigKeys}). Owns {@code flyway_schema_history} only.
 */
package dev.signet.common;
