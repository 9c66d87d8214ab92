package dev.signet.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import io.quarkus.arc.Arc;

/**
 * The sandbox fixture of a {@code @QuarkusTest} that talks to the fake X: before each test the sandbox users
 * behind the test brand accounts exist ({@link TestWorld#sandboxBrands}) and no fault is armed; after it every
 * fault is disarmed again, passed or failed, so an armed fault never leaks into the next test. Use it with
 * {@code @ExtendWith(SandboxExtension.class)} next to {@code @QuarkusTest}; it runs before the class's own
 * {@code @BeforeEach} methods and after its {@code @AfterEach} methods.
 */
public class SandboxExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        bean(TestWorld.class).sandboxBrands(bean(SandboxService.class));
        bean(SandboxFaults.class).clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        bean(SandboxFaults.class).clear();
    }

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }
}
