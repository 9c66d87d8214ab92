package dev.signet.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import did. An import applies fully or not at all: with any error, {@code applied} is false and
 * nothing was stored.
 *
 * @param rows        rows read
 * @param created     customers created
 * @param updated     customers whose CRM values changed
 * @param unchanged   customers already as the file says (re-importing a file: all of them)
 * @param linked      X identities linked by an exact rule (CRM user id, or unique handle)
 * @param errors      every refused row, with line, column and reason
 */
public record ImportReport(boolean applied, int rows, int created, int updated, int unchanged, int linked,
        List<RowError> errors) {

    static ImportReport refused(int rows, List<RowError> errors) {
        return new ImportReport(false, rows, 0, 0, 0, 0, List.copyOf(errors));
    }

    /** Customers changed in any way: what a re-import must leave at 0. */
    @JsonProperty("changed")
    public int changed() {
        return created + updated + linked;
    }
}
