package dev.signet.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class AuditEntryRepository implements PanacheRepository<AuditEntry> {
}
