package dev.signet.demo;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.signet.channel.ChannelConfig;
import dev.signet.reply.CannedReplyRequest;
import dev.signet.reply.CannedReplyService;
import dev.signet.security.AppUserService;
import io.quarkus.runtime.StartupEvent;

/**
 * A few canned replies for the demo brands of the embedded default, written by the demo lead, with variables and a
 * pinned fact (María García's baggage report). Added once: an existing library is left alone.
 */
@ApplicationScoped
public class DemoCannedReplies {

    private static final Logger LOG = Logger.getLogger(DemoCannedReplies.class);

    static final List<CannedReplyRequest> REPLIES = List.of(
            new CannedReplyRequest("Move to DM", "Hi {first_name}, sorry to hear that! Please send us a DM with your"
                    + " booking or account number so we can look into it right away.", null, "public", "dm, first reply"),
            new CannedReplyRequest("Thanks, glad we could help", "Thanks {first_name}, glad we could sort it out. Have a"
                    + " great day!", null, "both", "closing"),
            new CannedReplyRequest("Lost bag: we're on it", "Hi {first_name}, I'm sorry your bag hasn't arrived. I have"
                    + " your report {fact:Baggage report} and asked our baggage team for an update; I'll come back to"
                    + " you today.", "acme-air", "both", "baggage, delay"),
            new CannedReplyRequest("Double charge refund", "Hi {first_name}, this is {agent_first_name} from"
                    + " {brand}. I can see the double charge and have asked billing to refund it; it shows on your"
                    + " account within 5 working days.", "nimbus-mobile", "dm", "billing, refund"));

    private final DemoConfig config;
    private final CannedReplyService canned;
    private final AppUserService users;
    private final ChannelConfig channels;

    public DemoCannedReplies(DemoConfig config, CannedReplyService canned, AppUserService users, ChannelConfig channels) {
        this.config = config;
        this.canned = canned;
        this.users = users;
        this.channels = channels;
    }

    // After the demo users (priority 20) exist.
    void seed(@Observes @Priority(30) StartupEvent start) {
        if (!config.seed() || !canned.search(null, null, null).isEmpty()) {
            return;
        }
        var lead = users.findByUsername("lena").orElseThrow(() -> new IllegalStateException("The demo lead is missing"));
        // Entries for a demo brand that is not configured (another profile's accounts) are left out.
        List<CannedReplyRequest> usable = REPLIES.stream()
                .filter(reply -> reply.account() == null || channels.accounts().containsKey(reply.account()))
                .toList();
        usable.forEach(reply -> canned.create(reply, lead));
        LOG.infof("demo canned replies ready: %d", usable.size());
    }
}
