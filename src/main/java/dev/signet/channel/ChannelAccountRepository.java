package dev.signet.channel;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ChannelAccountRepository implements PanacheRepository<ChannelAccount> {

    public Optional<ChannelAccount> findByKey(String accountKey) {
        return find("accountKey", accountKey).firstResultOptional();
    }
}
