package dev.signet.reply;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;

/** Publishes a stored reply right away, in the agent's request (the embedded default and the tests). */
@ApplicationScoped
@IfBuildProperty(name = "signet.messaging.transport", stringValue = "in-process", enableIfMissing = true)
public class DirectReplyDispatcher implements ReplyDispatcher {

    private final ReplyPublisher publisher;

    public DirectReplyDispatcher(ReplyPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void dispatch(ReplyQueued reply) {
        publisher.publish(reply.outboxId());
    }
}
