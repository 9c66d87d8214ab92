package dev.signet.reply;

import java.time.Instant;
import java.util.List;

/**
 * A canned reply as the library and the API show it.
 *
 * @param accountKey null = every account
 * @param variables  the variables its body uses
 * @param history    who created and edited it, newest first (only when one entry is read)
 */
public record CannedReplyView(long id, String title, String body, String accountKey, CannedKind kind, String tags,
        List<String> variables, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
        List<Change> history) {

    /** One change of the entry. */
    public record Change(String action, String actor, Instant at, String title) {
    }

    static CannedReplyView of(CannedReply r, List<Change> history) {
        return new CannedReplyView(r.id(), r.title(), r.body(), r.accountKey(), r.kind(), r.tags(),
                CannedTemplate.variables(r.body()), r.createdBy(), r.createdAt(), r.updatedBy(), r.updatedAt(), history);
    }
}
