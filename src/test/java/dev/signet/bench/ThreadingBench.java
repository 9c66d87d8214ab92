package dev.signet.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ChannelPoller;
import dev.signet.sentiment.SentimentDatasets;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.sandbox.XApiException;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Threading on real traffic: replays {@code ../shared/data/twcs-dev.csv} (real customer-care tweets, read in place,
 * never copied; PROVENANCE.md there) through the sandbox X in time order. The eleven brands with the most tweets in
 * the file are configured brand accounts ({@link ElevenBrands}); the reply chains that involve only those brands are
 * replayed (the others name brands that are not configured). Customers post on the sandbox as they did on X (a
 * reply that names no brand gets the "@Brand" X's app would put in front, from the post it answers); before a brand
 * tweet, the brand's account is polled and the tweet is sent as an agent's reply through Signet's replies API, into
 * the conversation that holds the customer's post it answers (so it threads as our reply).
 * <p>
 * Then every pair of stored customer tweets of the same brand is compared with the truth: "same conversation in
 * Signet" against "same reply chain, same customer, same brand". Prints {@code threading.precision},
 * {@code threading.recall}, {@code threading.accuracy}, {@code threading.pairs} and {@code threading.missing}
 * (customer tweets a brand should have but no conversation of that brand holds). Goal ≥ 0.99 each. Bounded: the
 * replay stops after {@link #BUDGET_SECONDS} and compares the tweets replayed by then ({@code threading.replayed}
 * of {@code threading.replay_total}).
 */
@QuarkusTest
@TestProfile(ThreadingBench.ElevenBrands.class)
@Tag("bench")
class ThreadingBench {

    /** The eleven brands with the most tweets in twcs-dev.csv. */
    static final List<String> BRANDS = List.of("ChipotleTweets", "Delta", "AmazonHelp", "AppleSupport", "Uber_Support",
            "SpotifyCares", "Tesco", "AskPlayStation", "comcastcares", "AdobeCare", "SouthwestAir");

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
    private static final Pattern MENTION = Pattern.compile("@(\\w+)");
    private static final Pattern ANONYMISED = Pattern.compile("@(\\d+)\\b");
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(@\\w+\\s+)+");
    /**
     * The replay stops posting after this long (then compares what it replayed): the whole file takes about two
     * minutes on an idle 2-core machine, far longer when the machine is shared. {@code -Dthreading.seconds}.
     */
    private static final long BUDGET_SECONDS = Long.getLong("threading.seconds", 150);
    /** Room for the agent's signature within X's 280. */
    private static final int REPLY_TEXT_MAX = 250;

    /** The brand accounts of the replay: one per brand, on the sandbox's v1.1 API. */
    public static class ElevenBrands implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (String brand : BRANDS) {
                String prefix = "signet.channel.accounts." + accountKey(brand) + ".";
                config.put(prefix + "handle", brand);
                config.put(prefix + "api-base-url", "http://127.0.0.1:${quarkus.http.test-port}/sandbox/x/1.1/");
                config.put(prefix + "consumer-key", "sandbox-consumer-key");
                config.put(prefix + "consumer-secret", "sandbox-consumer-secret");
                config.put(prefix + "access-token", token(brand));
                config.put(prefix + "access-token-secret", token(brand) + "-secret");
                config.put(prefix + "signature-format", " ^{initials}");
            }
            return config;
        }
    }

    /** One row of the file. */
    private record Tweet(int row, String id, String author, boolean inbound, Instant at, String text, String parentId) {
    }

    /** A replayed customer tweet: its chain, and the sandbox id it got. */
    private record Posted(String id, String author, String chain, long sandboxId, Set<String> brands) {
    }

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void replayedCustomerCareThreadsAsTheyWereWritten() throws IOException {
        long started = System.nanoTime();
        List<Tweet> tweets = read(SentimentDatasets.dataDir().resolve("twcs-dev.csv"));
        Map<String, Tweet> byId = new HashMap<>();
        tweets.forEach(t -> byId.put(t.id(), t));
        Map<String, String> chains = chains(tweets);
        Set<String> allBrands = new HashSet<>();
        tweets.stream().filter(t -> !t.inbound()).forEach(t -> allBrands.add(t.author()));
        Map<String, Set<String>> brandsOfChain = new HashMap<>();
        for (Tweet t : tweets) {
            Set<String> named = brandsOf(t, allBrands);
            brandsOfChain.computeIfAbsent(chains.get(t.id()), c -> new HashSet<>()).addAll(named);
        }
        Set<String> selected = Set.copyOf(BRANDS);
        List<Tweet> replay = tweets.stream()
                .filter(t -> {
                    Set<String> brands = brandsOfChain.get(chains.get(t.id()));
                    return !brands.isEmpty() && selected.containsAll(brands);
                })
                .sorted(Comparator.comparing(Tweet::at).thenComparingInt(t -> depth(t, byId)).thenComparingInt(Tweet::row))
                .toList();

        for (String brand : BRANDS) {
            sandbox.ensureUser(brand, brand, true, token(brand), token(brand) + "-secret");
            poller.poll(accountKey(brand));
        }
        TestWorld.Login agent = world.agent();
        Map<String, Long> sandboxIds = new HashMap<>();
        Map<String, Long> accountIds = accountIds();
        Set<String> unpolled = new HashSet<>();
        Set<String> customers = new HashSet<>();
        List<Posted> posted = new ArrayList<>();
        int viaApi = 0;
        int direct = 0;
        int refused = 0;
        int replayed = 0;
        for (Tweet t : replay) {
            if (System.nanoTime() - started > BUDGET_SECONDS * 1_000_000_000L) {
                break;
            }
            replayed++;
            Long parent = t.parentId() == null ? null : sandboxIds.get(t.parentId());
            if (t.inbound()) {
                String handle = customerHandle(t.author());
                if (customers.add(handle)) {
                    sandbox.ensureUser(handle, "Customer " + t.author(), false, null, null);
                }
                String text = ANONYMISED.matcher(t.text()).replaceAll("@u$1");
                boolean parentIsBrand = t.parentId() != null && byId.containsKey(t.parentId())
                        && !byId.get(t.parentId()).inbound() && parent != null;
                if (brandsIn(text, selected).isEmpty() && !parentIsBrand) {
                    // X's app puts the replied-to post's @names in front of a reply: here, its chain's brands.
                    text = brandsOfChain.get(chains.get(t.id())).stream().sorted().map(b -> "@" + b + " ")
                            .reduce("", String::concat) + text;
                }
                SandboxTweetView view = postAsCustomer(handle, text, parent);
                sandboxIds.put(t.id(), view.id());
                Set<String> brands = brandsIn(view.text(), selected);
                unpolled.addAll(brands);
                posted.add(new Posted(t.id(), t.author(), chains.get(t.id()), view.id(), brands));
                continue;
            }
            String brand = t.author();
            if (unpolled.remove(brand)) {
                poller.poll(accountKey(brand));
            }
            Long conversation = parent == null ? null : conversationHolding(parent, accountIds.get(accountKey(brand)));
            String reply = LEADING_MENTIONS.matcher(ANONYMISED.matcher(t.text()).replaceAll("@u$1")).replaceFirst("").strip();
            reply = reply.isEmpty() ? "Thanks" : reply.length() > REPLY_TEXT_MAX ? reply.substring(0, REPLY_TEXT_MAX) : reply;
            Long published = null;
            if (conversation != null) {
                Response response = given().auth().preemptive().basic(agent.username(), agent.password())
                        .contentType(ContentType.JSON).body(Map.of("text", reply))
                        .when().post("/api/conversations/" + conversation + "/replies");
                String externalId = response.statusCode() == 201 ? response.jsonPath().getString("externalId") : null;
                if (externalId != null) {
                    published = Long.valueOf(externalId);
                    viaApi++;
                } else {
                    refused++;
                }
            }
            if (published == null) {
                // Not answerable through Signet (an announcement, or a post no conversation holds): posted as the brand.
                published = postAsBrand(brand, t.text(), parent).id();
                direct++;
            }
            sandboxIds.put(t.id(), published);
        }
        for (String brand : BRANDS) {
            poller.poll(accountKey(brand));
        }

        Map<String, Long> conversationOf = storedConversations(posted);
        long truePositives = 0;
        long falsePositives = 0;
        long falseNegatives = 0;
        long pairs = 0;
        long missing = 0;
        for (String brand : BRANDS) {
            List<Posted> ofBrand = posted.stream().filter(p -> p.brands().contains(brand)).toList();
            List<Long> conversations = ofBrand.stream()
                    .map(p -> conversationOf.get(p.sandboxId() + "/" + accountKey(brand))).toList();
            missing += conversations.stream().filter(c -> c == null).count();
            for (int i = 0; i < ofBrand.size(); i++) {
                for (int j = i + 1; j < ofBrand.size(); j++) {
                    boolean together = conversations.get(i) != null && conversations.get(i).equals(conversations.get(j));
                    boolean truth = ofBrand.get(i).chain().equals(ofBrand.get(j).chain())
                            && ofBrand.get(i).author().equals(ofBrand.get(j).author());
                    pairs++;
                    if (together && truth) {
                        truePositives++;
                    } else if (together) {
                        falsePositives++;
                    } else if (truth) {
                        falseNegatives++;
                    }
                }
            }
        }
        double precision = truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        double recall = truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        BenchReport.print("threading.precision", precision, "ratio");
        BenchReport.print("threading.recall", recall, "ratio");
        BenchReport.print("threading.accuracy", (double) (pairs - falsePositives - falseNegatives) / pairs, "ratio");
        BenchReport.print("threading.pairs", pairs, "pairs");
        // Counts, so that a ratio printed to two decimals can be read exactly.
        BenchReport.print("threading.true_pairs", truePositives, "pairs");
        BenchReport.print("threading.false_pairs", falsePositives, "pairs");
        BenchReport.print("threading.missed_pairs", falseNegatives, "pairs");
        BenchReport.print("threading.missing", missing, "tweets");
        BenchReport.print("threading.replayed", replayed, "tweets");
        BenchReport.print("threading.replay_total", replay.size(), "tweets");
        BenchReport.print("threading.replies_via_api", viaApi, "tweets");
        BenchReport.print("threading.brand_posts_direct", direct, "tweets");
        BenchReport.print("threading.replies_refused", refused, "tweets");
        BenchReport.print("threading.seconds", (System.nanoTime() - started) / 1e9, "s");
        assertTrue(pairs > 0, "pairs compared");
    }

    private SandboxTweetView postAsCustomer(String handle, String text, Long parent) {
        try {
            return sandbox.postTweet(handle, text, parent);
        } catch (XApiException e) {
            // X refuses the same text twice in a row from one author (people then add a character), and some
            // anonymised texts are longer than X allows: the start (with the @mentions) is what threading reads.
            return sandbox.postTweet(handle, fit(text) + " .", parent);
        }
    }

    /** At most 130 code points: under X's 280 weighted characters whatever the script. */
    private static String fit(String text) {
        return text.codePointCount(0, text.length()) <= 130 ? text : text.substring(0, text.offsetByCodePoints(0, 130));
    }

    private SandboxTweetView postAsBrand(String brand, String text, Long parent) {
        String body = ANONYMISED.matcher(text).replaceAll("@u$1");
        try {
            return sandbox.postTweet(brand, body, parent);
        } catch (XApiException e) {
            return sandbox.postTweet(brand, fit(body) + " .", parent);
        }
    }

    private Long conversationHolding(long sandboxId, long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id and m.accountId = :account", Long.class)
                .setParameter("id", Long.toString(sandboxId)).setParameter("account", accountId)
                .getResultStream().findFirst().orElse(null));
    }

    private Map<String, Long> accountIds() {
        Map<String, Long> ids = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "select a.accountKey, a.id from ChannelAccount a", Object[].class).getResultList()
                .forEach(row -> ids.put((String) row[0], (Long) row[1])));
        return ids;
    }

    /** Customer messages stored, as "sandbox id/account key" → conversation id. */
    private Map<String, Long> storedConversations(List<Posted> posted) {
        Map<String, Long> stored = new HashMap<>();
        List<String> ids = posted.stream().map(p -> Long.toString(p.sandboxId())).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                    select m.externalId, a.accountKey, m.conversation.id from Message m join m.conversation c join c.account a
                    where m.externalId in :ids and m.direction = dev.signet.care.Direction.IN""", Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(row -> stored.put(row[0] + "/" + row[1], (Long) row[2])));
        }
        return stored;
    }

    private static List<Tweet> read(Path file) throws IOException {
        List<Tweet> tweets = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int row = 0;
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String parent = r.get("in_response_to_tweet_id");
                tweets.add(new Tweet(row++, r.get("tweet_id"), r.get("author_id"), Boolean.parseBoolean(r.get("inbound")),
                        ZonedDateTime.parse(r.get("created_at"), CREATED_AT).toInstant(), r.get("text"),
                        parent.isBlank() ? null : Long.toString((long) Double.parseDouble(parent))));
            }
        }
        return tweets;
    }

    /** The reply chain of each tweet (connected by reply links), named by one of its tweets. */
    private static Map<String, String> chains(List<Tweet> tweets) {
        Map<String, String> parentOf = new HashMap<>();
        for (Tweet t : tweets) {
            union(parentOf, t.id(), t.id());
            if (t.parentId() != null) {
                union(parentOf, t.id(), t.parentId());
            }
        }
        Map<String, String> chains = new HashMap<>();
        tweets.forEach(t -> chains.put(t.id(), root(parentOf, t.id())));
        return chains;
    }

    private static void union(Map<String, String> parentOf, String a, String b) {
        String ra = root(parentOf, a);
        String rb = root(parentOf, b);
        if (!ra.equals(rb)) {
            parentOf.put(ra, rb);
        }
    }

    private static String root(Map<String, String> parentOf, String id) {
        String at = id;
        while (!parentOf.getOrDefault(at, at).equals(at)) {
            at = parentOf.get(at);
        }
        return at;
    }

    private static int depth(Tweet t, Map<String, Tweet> byId) {
        int depth = 0;
        for (Tweet at = t; at.parentId() != null && byId.containsKey(at.parentId()) && depth < 1000; at = byId.get(at.parentId())) {
            depth++;
        }
        return depth;
    }

    /** The brands a tweet involves: its author if a brand, else the brands it names. */
    private static Set<String> brandsOf(Tweet t, Set<String> brands) {
        return t.inbound() ? brandsIn(t.text(), brands) : Set.of(t.author());
    }

    private static Set<String> brandsIn(String text, Set<String> brands) {
        Set<String> named = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            brands.stream().filter(b -> b.equalsIgnoreCase(m.group(1))).forEach(named::add);
        }
        return named;
    }

    static String accountKey(String brand) {
        return "twcs-" + brand.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String token(String brand) {
        return "twcs-" + brand.toLowerCase(Locale.ROOT) + "-token";
    }

    private static String customerHandle(String authorId) {
        return "u" + authorId;
    }
}
