package dev.signet.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test support: the policies a test made are deleted after it (through the service, so open conversations lose
 * their due times and order keys go back), so that no other test's queue sees targets: the tests share one database
 * and one set of brand accounts.
 */
@ApplicationScoped
public class SlaTestPolicies {

    private final EntityManager em;
    private final SlaPolicyService service;

    SlaTestPolicies(EntityManager em, SlaPolicyService service) {
        this.em = em;
        this.service = service;
    }

    public void deleteAll() {
        for (SlaPolicyView p : service.list(null)) {
            service.delete(p.id(), "test");
        }
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from SlaPolicyChange").executeUpdate());
    }

    /** Forgets the record of targets and what was waiting to be measured: a test measures only its own conversations. */
    @Transactional
    public void forgetRecord() {
        em.createNativeQuery("delete from sla_pending").executeUpdate();
        em.createNativeQuery("delete from sla_target").executeUpdate();
        em.createNativeQuery("delete from sla_daily").executeUpdate();
    }

    @Transactional
    public long changes() {
        return em.createQuery("select count(c) from SlaPolicyChange c", Long.class).getSingleResult();
    }
}
