package dev.signet.customer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HandleHistoryRepository implements PanacheRepository<HandleHistory> {
}
