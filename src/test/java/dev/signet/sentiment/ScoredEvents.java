package dev.signet.sentiment;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test observer: every {@link MessageScored} event fired in this application. */
@ApplicationScoped
public class ScoredEvents {

    private final List<MessageScored> events = new ArrayList<>();

    void on(@Observes MessageScored event) {
        synchronized (events) {
            events.add(event);
        }
    }

    public List<MessageScored> forMessage(long messageId) {
        synchronized (events) {
            return events.stream().filter(e -> e.messageId() == messageId).toList();
        }
    }
}
