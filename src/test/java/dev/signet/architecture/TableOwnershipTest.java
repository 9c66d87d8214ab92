package dev.signet.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each package owns its tables: no package's SQL (native queries, JPQL/HQL, named queries, SQL files) names a table
 * or entity of another package, so a coupling the compiler can't see can't creep in. Owners come from where each
 * {@code @Entity @Table} lives (its top-level feature package under {@code dev.signet}: {@code care.csat} is
 * {@code care}), and every table a migration creates must have one.
 *
 * <p>A plain scan of the source files rather than ArchUnit: ArchUnit models classes, methods, fields and
 * annotations, not the string constants inside method bodies, and queries are text blocks there; reading the
 * sources sees every query exactly as written, with its file and line, and needs no dependency.
 *
 * <p>{@code -Dsignet.ownership.root=/path/to/src/main/java} scans another checkout (e.g. to see what it finds on
 * another branch).
 */
class TableOwnershipTest {

    private static final Path ROOT = Path.of(System.getProperty("signet.ownership.root", "src/main/java"));
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final String BASE = "dev/signet/";

    /** Tables no entity maps, and who owns them. */
    private static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.of("flyway_schema_history", "common",
            "push_account", "channel", "push_seen", "channel", "api_read_day", "channel", "sla_pending", "sla", "sla_daily", "sla",
            "sla_daily_zone", "sla", "bootstrap_use", "security");

    /**
     * Foreign reads and writes not moved behind the owner's API yet: "package → table or entity", and why. Each is
     * a debt to pay by giving the owner a read API (as care's {@code CareFigures}, {@code TimelineContributor}s and
     * {@code ConversationAuthors} did for {@code customer} and {@code insight}). Nothing may be added for
     * {@code customer}, {@code insight} or {@code sentiment} but the one entry below.
     */
    private static final Map<String, String> KNOWN_FOREIGN = new TreeMap<>(Map.ofEntries(
            // The sentiment worker claims unscored messages in one statement (an anti-join of care's message with
            // sentiment's message_sentiment under FOR UPDATE SKIP LOCKED), so replicas never score one twice; taking it
            // apart needs care to hand messages over as events, a change of its own.
            Map.entry("sentiment → message", "sentiment worker's claim of unscored messages"),
            Map.entry("sentiment → conversation", "sentiment worker's claim: the message's account"),
            Map.entry("sentiment → channel_account", "sentiment worker's claim: the message's account key"),
            // care keys conversations, surveys and promises on customer's identities and channel's accounts.
            Map.entry("care → social_identity", "CSAT: was this customer asked already (any identity)"),
            Map.entry("care → channel_account", "queue filter by account key; promise figures per account"),
            Map.entry("care → AppUser", "conversation notes with their authors' initials"),
            // intake is care's front door for inbound messages: it stores them and finds their conversation.
            Map.entry("intake → message", "idempotent storage of inbound messages"),
            Map.entry("intake → Message", "idempotent storage of inbound messages"),
            Map.entry("intake → Conversation", "threading: the conversation a message joins"),
            Map.entry("intake → SocialIdentity", "the author's identity, fetched with the conversation"),
            // The canned-reply variables read the conversation, its account and the customer's pinned facts.
            Map.entry("reply → conversation", "canned-reply variables"),
            Map.entry("reply → channel_account", "canned-reply variables"),
            Map.entry("reply → social_identity", "canned-reply variables"),
            Map.entry("reply → customer", "canned-reply variables"),
            Map.entry("reply → pinned_fact", "canned-reply variables"),
            Map.entry("reply → Conversation", "outgoing messages on a conversation"),
            Map.entry("reply → Message", "outgoing messages on a conversation"),
            // The demo seeds once: it counts what is there already.
            Map.entry("demo → csat_survey", "seeds the CSAT history once"),
            Map.entry("demo → Conversation", "demo scenes"),
            Map.entry("demo → UpdatePromise", "seeds the promises once"),
            Map.entry("demo → HourlySentiment", "seeds the insights history once")));

    /** SQL: a table after FROM, JOIN, INTO, UPDATE (and each further table of a comma list after FROM). */
    private static final Pattern SQL_TABLE = Pattern.compile(
            "(?i:\\b(?:from|join|into|update)\\s+)([a-z_][a-z0-9_]*)((?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?"
                    + "(?:\\s*,\\s*[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)*)");
    /** JPQL/HQL: an entity after FROM, JOIN or UPDATE (and each further entity of a comma list after FROM). */
    private static final Pattern JPQL_ENTITY = Pattern.compile(
            "(?i:\\b(?:from|join|update)\\s+)([A-Z][A-Za-z0-9]*)((?:\\s+[a-z][A-Za-z0-9]*)?(?:\\s*,\\s*[A-Z][A-Za-z0-9]*(?:\\s+[a-z][A-Za-z0-9]*)?)*)");
    private static final Pattern LIST_ITEM = Pattern.compile(",\\s*([A-Za-z_][A-Za-z0-9_]*)");
    /** Strings that are queries: they hold a statement's keyword. */
    private static final Pattern QUERY = Pattern.compile("(?i)\\b(select|insert|update|delete|merge)\\b");
    private static final Pattern ENTITY_TABLE = Pattern.compile(
            "@Entity\\b[\\s\\S]{0,400}?@Table\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"[\\s\\S]*?\\bclass\\s+(\\w+)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    /** A table a later migration drops (customer_audit, absorbed by the audit log in V240) needs no owner. */
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)drop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    /** A name a package's query uses that another package owns. */
    record Foreign(String pkg, String name, String owner, String where) {

        String key() {
            return pkg + " → " + name;
        }
    }

    @Test
    void noPackageNamesAnotherPackagesTablesInItsQueries() {
        Map<String, Set<String>> foreign = new TreeMap<>();
        for (Foreign f : scan()) {
            if (!KNOWN_FOREIGN.containsKey(f.key())) {
                foreign.computeIfAbsent(f.key() + " (owner " + f.owner() + ")", k -> new TreeSet<>()).add(f.where());
            }
        }
        assertTrue(foreign.isEmpty(), "Queries naming another package's tables (read them through the owner's API):\n"
                + foreign.entrySet().stream().map(e -> "  " + e.getKey() + " at " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("\n")));
    }

    @Test
    void customerAndInsightHaveNoForeignQueriesAndSentimentOnlyItsWorkersClaim() {
        Set<String> known = KNOWN_FOREIGN.keySet().stream()
                .filter(k -> k.startsWith("customer ") || k.startsWith("insight ") || k.startsWith("sentiment "))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("sentiment → message", "sentiment → conversation", "sentiment → channel_account"), known);
        Set<String> where = scan().stream().filter(f -> f.pkg().equals("sentiment")).map(Foreign::where)
                .map(w -> w.substring(0, w.indexOf(':'))).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(where.isEmpty() || where.equals(Set.of("sentiment/SentimentScorer.java")),
                "sentiment's only foreign query is the worker's claim, found in " + where);
    }

    @Test
    void everyAllowedForeignQueryStillExists() {
        Set<String> found = scan().stream().map(Foreign::key).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(KNOWN_FOREIGN.keySet());
        stale.removeAll(found);
        assertTrue(stale.isEmpty(), "No longer needed in KNOWN_FOREIGN (remove them): " + stale);
    }

    @Test
    void everyTableAMigrationCreatesHasAnOwner() throws IOException {
        Map<String, String> owners = owners().tables();
        Set<String> orphans = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            Set<String> dropped = new TreeSet<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(f);
                Matcher m = CREATE_TABLE.matcher(sql);
                while (m.find()) {
                    if (!owners.containsKey(m.group(1))) {
                        orphans.add(m.group(1));
                    }
                }
                Matcher d = DROP_TABLE.matcher(sql);
                while (d.find()) {
                    dropped.add(d.group(1));
                }
            }
            orphans.removeAll(dropped);
        }
        assertTrue(orphans.isEmpty(), "Tables without an @Entity @Table or an entry in TABLES_WITHOUT_ENTITY: " + orphans);
    }

    @Test
    void theScanSeesQueriesOfEveryKind() {
        // The scanner itself: native SQL with comma joins, JPQL, and English text that is no query.
        Owners owners = new Owners(Map.of("message", "care", "pinned_fact", "customer"), Map.of("Message", "care"));
        List<Foreign> found = new ArrayList<>();
        String source = "class X { String a = \"\"\"\n select 1 from pinned_fact f, message m where 1 = 1\"\"\";\n"
                + " String b = \"select m.text from Message m\";\n"
                + " String c = \"Pinned from any message of a linked customer\"; }";
        references("customer", "customer/X.java", source, owners, found);
        assertEquals(List.of("customer → message", "customer → Message"), found.stream().map(Foreign::key).toList());
    }

    private static List<Foreign> scan() {
        Owners owners = owners();
        List<Foreign> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String relative = ROOT.resolve(BASE).relativize(file).toString().replace('\\', '/');
            references(relative.substring(0, relative.indexOf('/')), relative, read(file), owners, found);
        }
        return found;
    }

    private static void references(String pkg, String file, String source, Owners owners, List<Foreign> found) {
        for (Literal literal : literals(source)) {
            if (!QUERY.matcher(literal.text()).find()) {
                continue;
            }
            names(SQL_TABLE, literal.text()).forEach(name -> check(pkg, name, owners.tables().get(name), file, literal, found));
            names(JPQL_ENTITY, literal.text()).forEach(name -> check(pkg, name, owners.entities().get(name), file, literal, found));
        }
    }

    private static void check(String pkg, String name, String owner, String file, Literal literal, List<Foreign> found) {
        if (owner != null && !owner.equals(pkg)) {
            found.add(new Foreign(pkg, name, owner, file + ":" + literal.line()));
        }
    }

    private static List<String> names(Pattern pattern, String text) {
        List<String> names = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
            Matcher more = LIST_ITEM.matcher(m.group(2));
            while (more.find()) {
                names.add(more.group(1));
            }
        }
        return names;
    }

    record Owners(Map<String, String> tables, Map<String, String> entities) {
    }

    private static Owners owners() {
        Map<String, String> tables = new TreeMap<>(TABLES_WITHOUT_ENTITY);
        Map<String, String> entities = new TreeMap<>();
        for (Path file : javaFiles()) {
            Matcher m = ENTITY_TABLE.matcher(read(file));
            if (m.find()) {
                String relative = ROOT.resolve(BASE).relativize(file).toString().replace('\\', '/');
                String pkg = relative.substring(0, relative.indexOf('/'));
                tables.put(m.group(1), pkg);
                entities.put(m.group(2), pkg);
            }
        }
        assertTrue(tables.size() > 30, "entities found under " + ROOT.toAbsolutePath() + ": " + tables.size());
        return new Owners(tables, entities);
    }

    /** A string constant of a source file (a text block or a quoted string) and the line it starts on. */
    record Literal(String text, int line) {
    }

    /**
     * The string literals of a Java source, comments left out: a small scanner rather than a parser, as the
     * compiler's own tree API (javax.tools) would need the whole classpath to attribute nothing we use.
     */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(new Literal(source.substring(i + 3, end), line));
                line += count(source, i, end);
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        text.append(source.charAt(j + 1));
                        j += 2;
                    } else {
                        text.append(source.charAt(j++));
                    }
                }
                literals.add(new Literal(text.toString(), line));
                i = j + 1;
            } else if (c == '\'') {
                // A char literal ('"' or '\''): skipped whole so that its quote opens no string.
                int j = i + 1;
                if (j < n && source.charAt(j) == '\\') {
                    j++;
                }
                int close = source.indexOf('\'', j + 1);
                i = close < 0 ? n : close + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(ROOT.resolve(BASE))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
