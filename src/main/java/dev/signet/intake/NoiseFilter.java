package dev.signet.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.signet.channel.InboundMessage;

/**
 * Decides whether a fetched message is noise, from what the message itself says: the brand's own messages,
 * reposts, ignored handles and keywords. (Echoes of Signet's own replies are recognised by intake, which knows
 * what was published.)
 */
public final class NoiseFilter {

    private final Set<String> ignoredHandles;
    private final List<Pattern> ignoredKeywords;

    public NoiseFilter(List<String> ignoredHandles, List<String> ignoredKeywords) {
        this.ignoredHandles = ignoredHandles.stream()
                .map(handle -> handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT))
                .filter(handle -> !handle.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.ignoredKeywords = ignoredKeywords.stream()
                .map(String::strip)
                .filter(keyword -> !keyword.isEmpty())
                .map(keyword -> Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}_])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    /** The noise this message is, if any; {@code brandUserId} may be null before the account is identified. */
    public Optional<IntakeResult> classify(InboundMessage message, String brandUserId) {
        if (message.author().userId().equals(brandUserId)) {
            return Optional.of(IntakeResult.DROPPED_OWN);
        }
        if (message.repost()) {
            return Optional.of(IntakeResult.DROPPED_REPOST);
        }
        String handle = message.author().handle();
        if (handle != null && ignoredHandles.contains(handle.toLowerCase(Locale.ROOT))) {
            return Optional.of(IntakeResult.DROPPED_IGNORED_HANDLE);
        }
        String text = message.text() == null ? "" : message.text();
        if (ignoredKeywords.stream().anyMatch(keyword -> keyword.matcher(text).find())) {
            return Optional.of(IntakeResult.DROPPED_IGNORED_KEYWORD);
        }
        return Optional.empty();
    }
}
