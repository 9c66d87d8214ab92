package dev.signet.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AppUserRepository implements PanacheRepository<AppUser> {

    public Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** Everyone who answers customers (agents and leads with initials), by name. */
    public List<AppUser> answerers() {
        return list("initials is not null and role in ?1 order by displayName", List.of(Role.AGENT, Role.LEAD));
    }

    public Optional<AppUser> findByInitials(String initials) {
        return find("upper(initials) = ?1", initials.toUpperCase()).firstResultOptional();
    }

    public boolean initialsTaken(String initials) {
        return count("upper(initials) = ?1", initials.toUpperCase()) > 0;
    }
}
