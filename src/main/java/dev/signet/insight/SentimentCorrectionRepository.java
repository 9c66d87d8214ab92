package dev.signet.insight;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SentimentCorrectionRepository implements PanacheRepository<SentimentCorrection> {

    public Optional<SentimentCorrection> forMessage(long messageId) {
        return find("messageId", messageId).firstResultOptional();
    }

    public List<SentimentCorrection> forAccount(String accountKey) {
        return list("accountKey = ?1 order by id", accountKey);
    }

    /** Accounts and their number of corrections. */
    public List<Object[]> countsByAccount() {
        return getEntityManager().createQuery(
                "select c.accountKey, count(c), max(c.correctedAt) from SentimentCorrection c group by c.accountKey",
                Object[].class).getResultList();
    }
}
