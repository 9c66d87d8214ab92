package dev.signet.customer;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Finds or records who wrote a message, keyed on the network's user id. */
@ApplicationScoped
public class IdentityService {

    private final SocialIdentityRepository identities;
    private final Clock clock;

    public IdentityService(SocialIdentityRepository identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * The identity of this user id, created on first sight; a changed handle or display name is updated,
     * the link to a customer (if any) is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SocialIdentity resolve(Network network, String userId, String handle, String displayName) {
        SocialIdentity identity = identities.findByUserId(network, userId).orElse(null);
        if (identity == null) {
            identity = new SocialIdentity(network, userId, handle == null ? userId : handle, displayName, clock.instant());
            identities.persist(identity);
        } else {
            identity.refreshProfile(handle, displayName);
        }
        return identity;
    }
}
