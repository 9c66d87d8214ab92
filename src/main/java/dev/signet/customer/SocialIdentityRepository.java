package dev.signet.customer;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.signet.channel.Network;

@ApplicationScoped
public class SocialIdentityRepository implements PanacheRepository<SocialIdentity> {

    public Optional<SocialIdentity> findByUserId(Network network, String externalUserId) {
        return find("network = ?1 and externalUserId = ?2", network, externalUserId).firstResultOptional();
    }
}
