package dev.signet.reply;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CannedReplyAuditRepository implements PanacheRepository<CannedReplyAudit> {

    /** An entry's history, newest first. */
    public List<CannedReplyAudit> of(long cannedReplyId) {
        return list("cannedReplyId = ?1 order by actedAt desc, id desc", cannedReplyId);
    }
}
