package dev.signet.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the demo world at start when {@code signet.sandbox.demo-world} is on and the sandbox has no users yet,
 * in one transaction: either the whole world is there or none of it. Runs early so that pollers started later
 * find the brands.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class DemoWorldSeeder {

    private static final Logger LOG = Logger.getLogger(DemoWorldSeeder.class);

    private final SandboxConfig config;
    private final SandboxService sandbox;
    private final ObjectMapper mapper;

    public DemoWorldSeeder(SandboxConfig config, SandboxService sandbox, ObjectMapper mapper) {
        this.config = config;
        this.sandbox = sandbox;
        this.mapper = mapper;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.demoWorld()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (sandbox.hasUsers()) {
                LOG.debug("Sandbox already has users; demo world not seeded");
                return;
            }
            DemoWorld world = load();
            seed(world, Instant.now());
            LOG.infof("Sandbox demo world seeded: brands=%d customers=%d events=%d", world.brands().size(),
                    world.customers().size(), world.events().size());
        });
    }

    DemoWorld load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DemoWorld.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DemoWorld.RESOURCE + " is missing from the classpath");
            }
            return mapper.readValue(in, DemoWorld.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DemoWorld.RESOURCE, e);
        }
    }

    /** Writes the world, oldest event first so that every reply finds the tweet it answers. */
    void seed(DemoWorld world, Instant now) {
        for (DemoWorld.Brand brand : world.brands()) {
            sandbox.ensureUser(brand.userId(), brand.handle(), brand.name(), true, brand.accessToken(),
                    brand.accessTokenSecret());
        }
        for (DemoWorld.Customer customer : world.customers()) {
            sandbox.ensureUser(customer.userId(), customer.handle(), customer.name(), false, null, null);
        }
        Map<String, Long> tweetIdsByKey = new HashMap<>();
        List<DemoWorld.Event> oldestFirst = world.events().stream()
                .sorted(Comparator.comparingInt(DemoWorld.Event::minutesAgo).reversed())
                .toList();
        for (DemoWorld.Event event : oldestFirst) {
            Instant at = now.minus(Duration.ofMinutes(event.minutesAgo()));
            if (event.isDirectMessage()) {
                sandbox.sendDirectMessageAt(event.sender(), event.recipient(), event.text(), at);
                continue;
            }
            Long inReplyTo = null;
            if (event.inReplyTo() != null) {
                inReplyTo = tweetIdsByKey.get(event.inReplyTo());
                if (inReplyTo == null) {
                    throw new IllegalStateException("Demo event " + event.key() + " replies to unknown or later "
                            + event.inReplyTo());
                }
            }
            tweetIdsByKey.put(event.key(), sandbox.postTweetAt(event.author(), event.text(), inReplyTo, at).getId());
        }
    }
}
