package dev.signet.customer;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads CRM records and links the X identities they name. Re-importing the same records changes nothing.
 * (The full import with per-row reports, the admin upload and the REST upsert come with the CRM issue.)
 */
@ApplicationScoped
public class CrmImportService {

    private static final CSVFormat CRM_CSV = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).get();

    private final CustomerRepository customers;
    private final SocialIdentityRepository identities;
    private final Clock clock;

    public CrmImportService(CustomerRepository customers, SocialIdentityRepository identities, Clock clock) {
        this.customers = customers;
        this.identities = identities;
        this.clock = clock;
    }

    /** Reads a CSV with columns {@code crm_id,name,email,loyalty_tier,x_user_id,x_handle,notes}. */
    public List<CrmRecord> parse(Reader csv) throws IOException {
        List<CrmRecord> records = new ArrayList<>();
        for (CSVRecord row : CRM_CSV.parse(csv)) {
            records.add(new CrmRecord(row.get("crm_id"), row.get("name"), blankToNull(row.get("email")),
                    LoyaltyTier.parse(row.get("loyalty_tier")), blankToNull(row.get("x_user_id")),
                    blankToNull(row.get("x_handle")), blankToNull(row.get("notes"))));
        }
        return records;
    }

    /** Creates or updates each customer and links the X user id it names. */
    @Transactional
    public int upsert(List<CrmRecord> records) {
        Instant now = clock.instant();
        for (CrmRecord record : records) {
            Customer customer = customers.findByCrmId(record.crmId()).orElse(null);
            if (customer == null) {
                customer = new Customer(record.crmId(), record.name(), record.email(), record.tier(), record.notes(), now);
                customers.persist(customer);
            } else {
                customer.updateFromCrm(record.name(), record.email(), record.tier(), record.notes());
            }
            if (record.xUserId() != null) {
                linkXUser(customer, record, now);
            }
        }
        return records.size();
    }

    private void linkXUser(Customer customer, CrmRecord record, Instant now) {
        SocialIdentity identity = identities.findByUserId(Network.X, record.xUserId()).orElse(null);
        if (identity == null) {
            String handle = record.xHandle() == null ? record.xUserId() : record.xHandle();
            identity = new SocialIdentity(Network.X, record.xUserId(), handle, record.name(), now);
            identities.persist(identity);
        }
        if (identity.customer() == null || !identity.customer().id().equals(customer.id())) {
            identity.linkTo(customer, LinkRule.CRM_USER_ID, now);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
