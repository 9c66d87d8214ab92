package dev.signet.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelException;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantineSink;
import dev.signet.channel.QuarantinedItem;
import dev.signet.channel.UntakableItemException;
import dev.signet.intake.IntakeResult;
import dev.signet.intake.IntakeService;
import dev.signet.intake.MessageRejectedException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Owns the quarantine: keeps what the connectors and intake could not take, one row per item (an item that
 * comes again while waiting is counted on its row), lists it with counts per reason, and replays an item through
 * its connector's parsing and intake once the cause is fixed.
 */
@ApplicationScoped
public class QuarantineService implements QuarantineSink {

    private static final Logger LOG = Logger.getLogger(QuarantineService.class);

    /** The most items one list answer holds. */
    static final int MAX_LIST = 200;

    private final QuarantineRepository entries;
    private final ChannelConnectors connectors;
    private final IntakeService intake;
    private final ObjectMapper mapper;
    private final Clock clock;

    public QuarantineService(QuarantineRepository entries, ChannelConnectors connectors, IntakeService intake,
            ObjectMapper mapper, Clock clock) {
        this.entries = entries;
        this.connectors = connectors;
        this.intake = intake;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void hold(List<QuarantinedItem> items) {
        Instant now = clock.instant();
        for (QuarantinedItem item : items) {
            Optional<QuarantineEntry> waiting = item.externalId() != null
                    ? entries.waiting(item.accountKey(), item.source(), item.externalId())
                    : entries.waitingSameJson(item.accountKey(), item.source(), item.rawJson());
            if (waiting.isPresent()) {
                waiting.get().seenAgain(item, now);
                continue;
            }
            entries.persist(new QuarantineEntry(item, now));
            LOG.warnf("item quarantined: account=%s source=%s kind=%s id=%s reason=%s", item.accountKey(),
                    item.source(), item.kind(), item.externalId(), item.reason());
        }
    }

    /** The newest items of a status (at most {@link #MAX_LIST}) and the waiting counts per reason. */
    @Transactional
    public QuarantineList list(QuarantineStatus status, int limit) {
        Map<String, Long> byReason = entries.waitingByReason();
        long waiting = byReason.values().stream().mapToLong(Long::longValue).sum();
        List<QuarantineView> items = entries.newest(status, Math.max(1, Math.min(limit, MAX_LIST))).stream()
                .map(QuarantineEntry::view).toList();
        return new QuarantineList(waiting, byReason, items);
    }

    @Transactional
    public QuarantineView get(long id) {
        return entries.findByIdOptional(id).map(QuarantineEntry::view)
                .orElseThrow(() -> new QuarantineEntryNotFoundException(id));
    }

    /**
     * Runs a waiting item through parsing (its connector's, or reading the inbound message intake refused) and
     * intake again, as stored or as corrected in {@code request}. Taken, the entry is marked replayed; not taken,
     * it stays waiting with the reason, and {@link ReplayRefusedException} says why. Each step commits on its own:
     * intake's transaction is its own, as at any fetch.
     */
    public ReplayOutcome replay(long id, ReplayRequest request) {
        QuarantineView entry = QuarkusTransaction.requiringNew().call(() -> get(id));
        if (entry.status() != QuarantineStatus.QUARANTINED) {
            throw new ReplayRefusedException(id, "it was replayed already, at " + entry.replayedAt());
        }
        String raw = request != null && request.rawJson() != null && !request.rawJson().isBlank()
                ? request.rawJson().strip()
                : entry.rawJson();
        QuarantineReason still = null;
        String error;
        try {
            IntakeResult result = intake.receive(parse(entry, raw));
            Instant now = clock.instant();
            QuarantineView replayed = QuarkusTransaction.requiringNew()
                    .call(() -> {
                        QuarantineEntry row = entries.findById(id);
                        row.replayed(raw, now);
                        return row.view();
                    });
            LOG.infof("quarantined item replayed: id=%d account=%s result=%s", id, entry.accountKey(), result);
            return new ReplayOutcome(id, true, result.name(), null, replayed);
        } catch (UntakableItemException e) {
            still = e.reason();
            error = e.getMessage();
        } catch (MessageRejectedException e) {
            still = QuarantineReason.REFUSED_BY_INTAKE;
            error = e.getMessage();
        } catch (UnreadableItemException e) {
            still = QuarantineReason.UNREADABLE;
            error = e.getMessage();
        } catch (ChannelException | IllegalArgumentException e) {
            error = e.getMessage();
        }
        QuarantineReason why = still;
        String because = error;
        QuarkusTransaction.requiringNew().run(() -> entries.findById(id).replayFailed(why, because));
        LOG.infof("quarantined item still refused: id=%d account=%s reason=%s", id, entry.accountKey(), why);
        throw new ReplayRefusedException(id, because);
    }

    private InboundMessage parse(QuarantineView entry, String raw) {
        if (QuarantinedItem.INTAKE.equals(entry.source())) {
            try {
                return mapper.readValue(raw, InboundMessage.class);
            } catch (JsonProcessingException e) {
                throw new UnreadableItemException("not an inbound message: " + e.getOriginalMessage());
            }
        }
        return connectors.forAccount(entry.accountKey()).replay(new QuarantinedItem(entry.accountKey(),
                entry.source(), entry.kind(), entry.externalId(), entry.reason(), entry.detail(), raw));
    }

    /** The stored (or corrected) JSON can't be read as the item it should be. */
    private static final class UnreadableItemException extends RuntimeException {
        UnreadableItemException(String message) {
            super(message);
        }
    }
}
