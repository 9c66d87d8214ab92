package dev.signet.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import dev.signet.channel.ChannelAccountService;
import dev.signet.customer.CrmConfig;
import dev.signet.customer.LoyaltyTier;

/**
 * Creates, changes and deletes policies (leads and admins), validated with a clear message for each mistake and
 * audited ({@link SlaPolicyChange}, the policy before and after). A scope (account, tier, channel) has one policy:
 * saving a scope that exists changes it.
 */
@ApplicationScoped
public class SlaPolicyService {

    private static final Logger LOG = Logger.getLogger(SlaPolicyService.class);
    /** A year of business minutes: anything longer is a typing mistake. */
    static final int MAX_MINUTES = 525_600;

    private final SlaPolicyRepository repository;
    private final SlaPolicies policies;
    private final ChannelAccountService accounts;
    private final CrmConfig crm;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<SlaPolicyChanged> changed;
    private final AuditTrail audit;

    public SlaPolicyService(SlaPolicyRepository repository, SlaPolicies policies, ChannelAccountService accounts,
            CrmConfig crm, ObjectMapper json, Clock clock, Event<SlaPolicyChanged> changed, AuditTrail audit) {
        this.audit = audit;
        this.changed = changed;
        this.repository = repository;
        this.policies = policies;
        this.accounts = accounts;
        this.crm = crm;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public List<SlaPolicyView> list(String accountKey) {
        return (accountKey == null || accountKey.isBlank() ? repository.everything() : repository.ofAccount(accountKey))
                .stream().map(SlaPolicy::view).toList();
    }

    @Transactional
    public SlaPolicyView get(long id) {
        return repository.findByIdOptional(id).map(SlaPolicy::view).orElseThrow(() -> SlaPolicyRejectedException.notFound(id));
    }

    /** The latest changes, newest first. */
    @Transactional
    public List<SlaPolicyChange.View> changes(int limit) {
        return repository.getEntityManager()
                .createQuery("select c from SlaPolicyChange c order by c.changedAt desc, c.id desc", SlaPolicyChange.class)
                .setMaxResults(limit).getResultList().stream().map(SlaPolicyChange::view).toList();
    }

    /** Creates the scope's policy or changes it; returns it. */
    @Transactional
    public SlaPolicyView save(SlaPolicyRequest r, String actor) {
        if (r == null) {
            throw SlaPolicyRejectedException.invalid("Send the policy: {\"accountKey\":\"…\",\"firstResponseMinutes\":60,"
                    + "\"nextResponseMinutes\":120,\"resolutionMinutes\":1440,\"alwaysOpen\":true}.");
        }
        String account = blankToNull(r.accountKey());
        if (account == null || !accounts.configuredKeys().contains(account)) {
            throw SlaPolicyRejectedException.invalid("Account \"" + (account == null ? "" : account)
                    + "\" is not a brand account; one of " + accounts.configuredKeys() + ".");
        }
        String tier = tier(r.tier());
        String channel = channel(r.channel());
        SlaPolicyView.Targets targets = new SlaPolicyView.Targets(minutes("firstResponseMinutes", r.firstResponseMinutes()),
                minutes("nextResponseMinutes", r.nextResponseMinutes()), minutes("resolutionMinutes", r.resolutionMinutes()));
        if (targets.firstResponseMinutes() > targets.resolutionMinutes()) {
            throw SlaPolicyRejectedException.invalid("The first response target (" + targets.firstResponseMinutes()
                    + " min) can't be longer than the resolution target (" + targets.resolutionMinutes() + " min).");
        }
        boolean alwaysOpen = r.alwaysOpen() == null || r.alwaysOpen();
        String hours = alwaysOpen ? null : blankToNull(r.hours());
        String holidays = alwaysOpen ? "" : normalizeHolidays(r.holidays());
        if (!alwaysOpen) {
            try {
                BusinessHours.parse(hours, holidays, ZoneOffset.UTC);
            } catch (IllegalArgumentException e) {
                throw SlaPolicyRejectedException.invalid(e.getMessage() + ".");
            }
        }
        Instant now = clock.instant();
        String scope = SlaPolicy.scopeOf(account, tier, channel);
        SlaPolicy policy = repository.byScope(scope).orElse(null);
        String before = policy == null ? null : write(policy.view());
        SlaPolicyChange.Action action = policy == null ? SlaPolicyChange.Action.CREATED : SlaPolicyChange.Action.UPDATED;
        if (policy == null) {
            policy = new SlaPolicy(account, tier, channel);
        }
        policy.update(targets, alwaysOpen, hours, holidays, actor, now);
        repository.persist(policy);
        repository.flush();
        SlaPolicyView view = policy.view();
        repository.getEntityManager().persist(new SlaPolicyChange(scope, action, actor, now, before, write(view)));
        audit.record(actor, action == SlaPolicyChange.Action.CREATED ? AuditAction.SLA_POLICY_CREATED : AuditAction.SLA_POLICY_CHANGED,
                AuditTarget.of(AuditTarget.SLA_POLICY, view.id()), Map.of("scope", scope));
        policies.changed();
        changed.fire(new SlaPolicyChanged(account));
        LOG.infof("sla policy %s: scope=%s actor=%s", action.name().toLowerCase(Locale.ROOT), scope, actor);
        return view;
    }

    @Transactional
    public void delete(long id, String actor) {
        SlaPolicy policy = repository.findByIdOptional(id).orElseThrow(() -> SlaPolicyRejectedException.notFound(id));
        SlaPolicyView before = policy.view();
        repository.delete(policy);
        repository.getEntityManager().persist(new SlaPolicyChange(SlaPolicy.scopeOf(before.accountKey(), before.tier(),
                before.channel()), SlaPolicyChange.Action.DELETED, actor, clock.instant(), write(before), null));
        audit.record(actor, AuditAction.SLA_POLICY_DELETED, AuditTarget.of(AuditTarget.SLA_POLICY, id),
                Map.of("scope", SlaPolicy.scopeOf(before.accountKey(), before.tier(), before.channel())));
        policies.changed();
        changed.fire(new SlaPolicyChanged(before.accountKey()));
        LOG.infof("sla policy deleted: id=%d actor=%s", id, actor);
    }

    private String tier(String value) {
        String tier = blankToNull(value);
        if (tier == null) {
            return null;
        }
        String name;
        try {
            name = LoyaltyTier.parse(tier).name();
        } catch (IllegalArgumentException e) {
            throw SlaPolicyRejectedException.invalid("Tier \"" + tier + "\" is not a loyalty tier; one of " + crm.tiers() + ".");
        }
        boolean known = crm.tiers().stream().anyMatch(t -> LoyaltyTier.parse(t).name().equals(name));
        if (!known) {
            throw SlaPolicyRejectedException.invalid("Tier \"" + tier + "\" is not a loyalty tier; one of " + crm.tiers() + ".");
        }
        return name;
    }

    private static String channel(String value) {
        String channel = blankToNull(value);
        if (channel == null) {
            return null;
        }
        String c = channel.toUpperCase(Locale.ROOT);
        if (!c.equals("PUBLIC") && !c.equals("DM")) {
            throw SlaPolicyRejectedException.invalid("Channel \"" + channel + "\" must be PUBLIC, DM, or empty for both.");
        }
        return c;
    }

    private static int minutes(String field, Integer value) {
        if (value == null) {
            throw SlaPolicyRejectedException.invalid(field + " is required (minutes of business time).");
        }
        if (value < 1 || value > MAX_MINUTES) {
            throw SlaPolicyRejectedException.invalid(field + " must be between 1 and " + MAX_MINUTES + " minutes, not " + value + ".");
        }
        return value;
    }

    private static String normalizeHolidays(String holidays) {
        try {
            return String.join(",", BusinessHours.parseHolidays(holidays).stream().sorted().map(Object::toString).toList());
        } catch (IllegalArgumentException e) {
            throw SlaPolicyRejectedException.invalid(e.getMessage() + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String write(SlaPolicyView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A policy view could not be written as JSON", e);
        }
    }
}
