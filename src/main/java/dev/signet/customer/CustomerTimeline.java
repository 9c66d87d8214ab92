package dev.signet.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.channel.ChannelAccount;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.customer.CustomerViews.TimelineItem;
import dev.signet.customer.CustomerViews.TimelinePage;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserRepository;

/**
 * One customer's timeline across accounts and channels: every {@link TimelineContributor} gives its newest entries
 * from its own tables, merged here newest first and paged; {@link TimelineText} writes them. A page runs one
 * statement for the customer's identities, one per contributor, and at most one each to name the users and brand
 * accounts it shows: the same number whatever the page size.
 */
@ApplicationScoped
public class CustomerTimeline {

    /** Newest first; at the same instant the newest row first; then by kind, as each contributor orders its own. */
    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at,
            Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(TimelineEntry::ref, Comparator.reverseOrder())
            .thenComparing(e -> e.kind().name(), Comparator.reverseOrder());

    private final EntityManager em;
    private final Instance<TimelineContributor> contributors;
    private final AppUserRepository users;
    private final ChannelAccountRepository accounts;

    public CustomerTimeline(EntityManager em, @Any Instance<TimelineContributor> contributors, AppUserRepository users,
            ChannelAccountRepository accounts) {
        this.em = em;
        this.contributors = contributors;
        this.users = users;
        this.accounts = accounts;
    }

    /** Entries {@code from} to {@code from + size} (exclusive), newest first, of the customer's timeline. */
    @Transactional
    public TimelinePage page(long customerId, int page, int size) {
        int from = page * size;
        Map<Long, String> identityHandles = new HashMap<>();
        em.createQuery("select i.id, i.handle from SocialIdentity i where i.customer.id = :id", Object[].class)
                .setParameter("id", customerId).getResultList()
                .forEach(r -> identityHandles.put((Long) r[0], (String) r[1]));
        TimelineContributor.Window window = new TimelineContributor.Window(customerId,
                List.copyOf(identityHandles.keySet()), from + size);
        List<TimelineEntry> merged = new ArrayList<>();
        long total = 0;
        for (TimelineContributor contributor : contributors) {
            TimelineContributor.Slice slice = contributor.newest(window);
            merged.addAll(slice.newest());
            total += slice.total();
        }
        merged.sort(NEWEST_FIRST);
        List<TimelineEntry> shown = from >= merged.size() ? List.of()
                : merged.subList(from, Math.min(merged.size(), from + size));
        TimelineText.Names names = new TimelineText.Names(people(shown), accountHandles(shown), identityHandles);
        List<TimelineItem> items = shown.stream().map(e -> TimelineText.item(e, names)).toList();
        return new TimelinePage(items, page, size, total);
    }

    private Map<Long, TimelineText.Person> people(List<TimelineEntry> entries) {
        Set<Long> ids = new HashSet<>();
        for (TimelineEntry e : entries) {
            if (e.userId() != null) {
                ids.add(e.userId());
            }
            if (e.detail() instanceof TimelineEntry.HandOff h) {
                ids.add(h.toUserId());
            }
            if (e.detail() instanceof TimelineEntry.Goodwill g && g.decidedByUserId() != null) {
                ids.add(g.decidedByUserId());
            }
        }
        Map<Long, TimelineText.Person> people = new HashMap<>();
        if (!ids.isEmpty()) {
            for (AppUser u : users.list("id in ?1", ids)) {
                people.put(u.id(), new TimelineText.Person(u.initials(), u.displayName()));
            }
        }
        return people;
    }

    private Map<Long, String> accountHandles(List<TimelineEntry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.stream().filter(e -> e.conversation() != null).forEach(e -> ids.add(e.conversation().accountId()));
        Map<Long, String> handles = new HashMap<>();
        if (!ids.isEmpty()) {
            for (ChannelAccount a : accounts.list("id in ?1", ids)) {
                handles.put(a.id(), a.handle());
            }
        }
        return handles;
    }
}
