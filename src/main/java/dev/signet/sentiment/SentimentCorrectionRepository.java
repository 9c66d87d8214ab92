package dev.signet.sentiment;

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

    /** The texts of the account's corrections imported from an evaluated file (no message behind them). */
    public List<String> importedTexts(String accountKey) {
        return getEntityManager().createQuery(
                "select c.text from SentimentCorrection c where c.accountKey = :account and c.messageId is null",
                String.class).setParameter("account", accountKey).getResultList();
    }
}
