package dev.signet.care.promise;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class UpdatePromiseRepository implements PanacheRepository<UpdatePromise> {
}
