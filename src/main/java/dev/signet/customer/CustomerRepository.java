package dev.signet.customer;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    public Optional<Customer> findByCrmId(String crmId) {
        return find("crmId", crmId).firstResultOptional();
    }
}
