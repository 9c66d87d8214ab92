package dev.signet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.signet.customer.CrmImportService;
import dev.signet.customer.ImportReport;
import dev.signet.customer.PinnedFactService;
import dev.signet.security.AppUserService;
import dev.signet.security.Role;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the embedded default with demo users (one per role, documented in the README) and a demo CRM list
 * whose customers write in the sandbox. Idempotent: existing users are kept, the CRM import is an upsert.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);
    static final String CRM_RESOURCE = "demo/crm.csv";

    private record DemoUser(String username, String displayName, String initials, String role) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("maria", "Maria Diaz", "MD", Role.AGENT),
            new DemoUser("jonas", "Jonas Keller", "JK", Role.AGENT),
            new DemoUser("lena", "Lena Ortiz", "LO", Role.LEAD),
            new DemoUser("bruno", "Bruno Meyer", null, Role.BRAND_MANAGER),
            new DemoUser("ada", "Ada Okafor", null, Role.ADMIN));

    private final DemoConfig config;
    private final AppUserService users;
    private final CrmImportService crm;
    private final PinnedFactService facts;

    public DemoDataSeeder(DemoConfig config, AppUserService users, CrmImportService crm, PinnedFactService facts) {
        this.config = config;
        this.users = users;
        this.crm = crm;
        this.facts = facts;
    }

    void seed(@Observes @Priority(20) StartupEvent start) {
        if (!config.seed()) {
            return;
        }
        if (io.quarkus.runtime.configuration.ConfigUtils.getProfiles().contains("prod")) {
            // Demo users with a published password must never exist in production, whatever the configuration says.
            throw new IllegalStateException("signet.demo.seed=true in the prod profile: demo users are for the embedded"
                    + " default only; remove the setting.");
        }
        for (DemoUser user : USERS) {
            if (users.findByUsername(user.username()).isEmpty()) {
                users.create(user.username(), config.password(), user.displayName(), user.initials(), user.role());
            }
        }
        ImportReport report = crm.importCsv(readCrm(), "demo");
        if (!report.applied()) {
            throw new IllegalStateException("The demo CRM list is invalid: " + report.errors());
        }
        // María writes to both brands (a public mention to @AcmeAir, a DM to @NimbusMobile): a fact she gave once
        // shows on both conversations.
        facts.pinIfAbsent("C-10001", "Baggage report", "MADAA41273 (AA412 from Madrid, medication inside)", "maria");
        LOG.infof("demo data ready: users=%d crmCustomers=%d", USERS.size(), report.rows());
    }

    private byte[] readCrm() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CRM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + CRM_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read the demo CRM list", e);
        }
    }
}
