package dev.signet.sentiment;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What sentiment needs to know of the messages it is told about (an agent's correction, a retraining), offered by the
 * messages' owner: care implements it, so sentiment stays below care and never imports it.
 */
public interface MessageTexts {

    /** Who wrote a message (a customer or an agent) and on which brand account. */
    record Origin(long messageId, boolean fromCustomer, long accountId) {
    }

    /** The message's origin; empty when there is no such message. */
    Optional<Origin> origin(long messageId);

    /** The texts of the messages with these ids (those that exist), by id; none for no ids. */
    Map<Long, String> texts(Collection<Long> ids);
}
