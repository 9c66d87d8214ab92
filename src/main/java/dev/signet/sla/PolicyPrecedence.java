package dev.signet.sla;

import java.util.Collection;
import java.util.Optional;

/**
 * Which policy applies to a conversation: of the account's policies that match its tier and channel, the most
 * specific — tier and channel, then tier, then channel, then the account's default (neither).
 */
public final class PolicyPrecedence {

    private PolicyPrecedence() {
    }

    /** A policy's scope: tier and channel are null when it applies to every tier / both channels. */
    public interface Scoped {
        String accountKey();

        String tier();

        String channel();
    }

    public static <P extends Scoped> Optional<P> choose(Collection<P> policies, String accountKey, String tier,
            String channel) {
        P best = null;
        int bestRank = -1;
        for (P p : policies) {
            if (!p.accountKey().equals(accountKey)) {
                continue;
            }
            if (p.tier() != null && !p.tier().equalsIgnoreCase(tier)) {
                continue;
            }
            if (p.channel() != null && !p.channel().equalsIgnoreCase(channel)) {
                continue;
            }
            int rank = (p.tier() != null ? 2 : 0) + (p.channel() != null ? 1 : 0);
            if (rank > bestRank) {
                best = p;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }
}
