package dev.signet.sla;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SlaPolicyRepository implements PanacheRepository<SlaPolicy> {

    public Optional<SlaPolicy> byScope(String scope) {
        return find("scope", scope).firstResultOptional();
    }

    public List<SlaPolicy> ofAccount(String accountKey) {
        return list("accountKey = ?1 order by tier nulls first, channel nulls first", accountKey);
    }

    public List<SlaPolicy> everything() {
        return list("order by accountKey, tier nulls first, channel nulls first");
    }
}
