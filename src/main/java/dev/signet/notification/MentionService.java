package dev.signet.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.security.AppUser;
import dev.signet.security.AppUserRepository;
import dev.signet.security.Role;

/**
 * Turns the @initials of an internal note into {@link NotificationKind#MENTION} notifications, in the note's
 * transaction: each agent or lead whose initials are mentioned is told once, never the author; initials that
 * belong to nobody are handed back so the writer can be told.
 */
@ApplicationScoped
public class MentionService {

    /** How much of the note a notification quotes. */
    static final int EXCERPT = 140;

    private final AppUserRepository users;
    private final NotificationService notifications;

    public MentionService(AppUserRepository users, NotificationService notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    /**
     * Who a note mentions, and who was told.
     *
     * @param notified  initials of the colleagues notified (the author is never among them)
     * @param unmatched initials mentioned that belong to no agent or lead
     */
    public record Mentions(List<String> notified, List<String> unmatched) {

        public static final Mentions NONE = new Mentions(List.of(), List.of());
    }

    /**
     * Notifies the people {@code text} mentions. {@code where} names the place for the notification's text
     * ("conversation #12", "customer María García").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Mentions notifyMentioned(String text, AppUser author, String where, Long conversationId, Long customerId) {
        Set<String> initials = InitialsMentionRule.initialsIn(text);
        if (initials.isEmpty()) {
            return Mentions.NONE;
        }
        Map<String, AppUser> team = users.list("upper(initials) in ?1 and role in ?2", initials,
                List.of(Role.AGENT, Role.LEAD)).stream()
                .collect(Collectors.toMap(u -> u.initials().toUpperCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        List<String> notified = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<Long> recipients = new ArrayList<>();
        for (String mention : initials) {
            AppUser user = team.get(mention);
            if (user == null) {
                unmatched.add(mention);
            } else if (!user.id().equals(author.id())) {
                notified.add(mention);
                recipients.add(user.id());
            }
        }
        notifications.notifyUsers(recipients, NotificationKind.MENTION,
                signed(author) + " mentioned you on " + where + ": " + excerpt(text), conversationId, customerId);
        return new Mentions(List.copyOf(notified), List.copyOf(unmatched));
    }

    private static String signed(AppUser author) {
        return author.initials() != null ? "^" + author.initials() : author.displayName();
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
