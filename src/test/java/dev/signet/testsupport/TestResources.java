package dev.signet.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the test resources every {@code @QuarkusTest} needs (Quarkus applies them globally). */
@QuarkusTestResource(PostgresTestDatabase.class)
public final class TestResources {
    private TestResources() {
    }
}
