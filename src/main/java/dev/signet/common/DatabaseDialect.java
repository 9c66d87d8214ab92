package dev.signet.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Which database Signet runs on, for the few statements the two speak differently: counters are added with an
 * atomic upsert, {@code insert … on conflict do update} on PostgreSQL, the standard {@code merge} on H2 (the
 * embedded default), which has no {@code do update}.
 */
@ApplicationScoped
public class DatabaseDialect {

    private final boolean h2;

    public DatabaseDialect(EntityManagerFactory emf) {
        this.h2 = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect() instanceof H2Dialect;
    }

    public boolean isH2() {
        return h2;
    }
}
