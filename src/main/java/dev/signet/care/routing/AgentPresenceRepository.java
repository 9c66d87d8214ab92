package dev.signet.care.routing;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AgentPresenceRepository implements PanacheRepository<AgentPresence> {
}
