package dev.signet.care;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class UpdatePromiseRepository implements PanacheRepository<UpdatePromise> {
}
