package dev.signet.channel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApiUsageRepository implements PanacheRepository<ApiUsage> {

    /**
     * The row of an account and month, created on first use (in the caller's transaction), locked until it ends:
     * pushed events, polls and the publisher count on one account at once, and an increment must not be lost.
     */
    public ApiUsage forMonth(String accountKey, String month) {
        ApiUsage usage = find("accountKey = ?1 and month = ?2", accountKey, month)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (usage == null) {
            usage = new ApiUsage(accountKey, month);
            persist(usage);
        }
        return usage;
    }

    public List<ApiUsage> ofMonth(String month) {
        return list("month = ?1 order by accountKey", month);
    }
}
