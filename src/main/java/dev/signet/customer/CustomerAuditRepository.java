package dev.signet.customer;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CustomerAuditRepository implements PanacheRepository<CustomerAudit> {

    public List<CustomerAudit> ofCustomer(long customerId, int limit) {
        return find("customerId = ?1 order by at desc, id desc", customerId).page(0, limit).list();
    }
}
