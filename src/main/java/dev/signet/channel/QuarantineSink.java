package dev.signet.channel;

import java.util.List;

/**
 * Where items that can't be taken are kept (the quarantine), so that one bad item never stalls an account: the
 * poller and intake hand them here and go on with the rest. Joins the caller's transaction.
 */
public interface QuarantineSink {

    void hold(List<QuarantinedItem> items);
}
