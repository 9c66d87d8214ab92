package dev.signet.quarantine;

import java.util.List;
import java.util.Map;

/**
 * The quarantine: how many items wait per reason (all of them, whatever the page size) and the newest items of the
 * asked status.
 */
public record QuarantineList(long waiting, Map<String, Long> waitingByReason, List<QuarantineView> items) {
}
