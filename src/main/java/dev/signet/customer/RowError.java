package dev.signet.customer;

/**
 * Why one row of an import was refused.
 *
 * @param line   the line the row starts on (1 is the header), or the item's position in an API batch
 * @param column the column at fault, or null for the whole row or file
 */
public record RowError(long line, String column, String reason) {
}
