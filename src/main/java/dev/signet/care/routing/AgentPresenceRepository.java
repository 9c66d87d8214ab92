package dev.signet.care.routing;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class AgentPresenceRepository implements PanacheRepository<AgentPresence> {
}
