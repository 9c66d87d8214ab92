package dev.signet.channel;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Names this running instance of Signet (host, process, random part), e.g. as the holder of a poll lease. */
@ApplicationScoped
public class ReplicaId {

    private final String id;

    public ReplicaId() {
        // RuntimeMXBean's name is "pid@host" on HotSpot; the random part tells restarts of the same pod apart.
        this.id = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String value() {
        return id;
    }
}
