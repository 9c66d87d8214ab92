package dev.signet.sentiment;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SentimentModelVersionRepository implements PanacheRepository<SentimentModelVersion> {

    public List<SentimentModelVersion> forAccount(String accountKey) {
        return list("accountKey = ?1 order by number desc", accountKey);
    }

    public Optional<SentimentModelVersion> active(String accountKey) {
        return find("accountKey = ?1 and active = true", accountKey).firstResultOptional();
    }

    public Optional<SentimentModelVersion> latest(String accountKey) {
        return find("accountKey = ?1 order by number desc", accountKey).firstResultOptional();
    }

    public Optional<SentimentModelVersion> byNumber(String accountKey, int number) {
        return find("accountKey = ?1 and number = ?2", accountKey, number).firstResultOptional();
    }
}
