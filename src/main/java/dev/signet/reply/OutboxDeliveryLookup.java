package dev.signet.reply;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.care.Delivery;
import dev.signet.care.DeliveryLookup;

/** Tells {@code care} how each outgoing message's publication is going, from its outbox entry. */
@ApplicationScoped
public class OutboxDeliveryLookup implements DeliveryLookup {

    private final OutboxRepository outbox;

    public OutboxDeliveryLookup(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public Map<Long, Delivery> forMessages(Collection<Long> messageIds) {
        return outbox.forMessages(messageIds).stream().collect(Collectors.toMap(entry -> entry.message().id(),
                entry -> new Delivery(entry.status().name(), entry.reason())));
    }
}
