package dev.signet.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;


/**
 * The first admin of an install that uses local passwords: made once with the one-time token from the environment
 * ({@code SIGNET_BOOTSTRAP_TOKEN}), who must then choose a new password at first login. After that (or once any admin
 * exists) the token is dead: the {@code bootstrap_use} row records the use, and its key lets only one through.
 */
@ApplicationScoped
public class BootstrapService {

    private static final Logger LOG = Logger.getLogger(BootstrapService.class);
    static final int MIN_TOKEN_LENGTH = 24;

    private final SecurityConfig config;
    private final AppUserService users;
    private final AppUserRepository repository;
    private final EntityManager em;
    private final Clock clock;

    public BootstrapService(SecurityConfig config, AppUserService users, AppUserRepository repository, EntityManager em,
            Clock clock) {
        this.config = config;
        this.users = users;
        this.repository = repository;
        this.em = em;
        this.clock = clock;
    }

    /** Whether {@code /bootstrap} can still make the first admin (a token is set, and it was never used). */
    @Transactional
    public boolean open() {
        return config.bootstrapToken().isPresent() && !used();
    }

    @Transactional
    public AppUser createFirstAdmin(String token, String username, String displayName, String password) {
        String expected = config.bootstrapToken().orElseThrow(BootstrapRefusedException::off);
        if (expected.length() < MIN_TOKEN_LENGTH) {
            throw BootstrapRefusedException.tokenTooShort(MIN_TOKEN_LENGTH);
        }
        if (used()) {
            throw BootstrapRefusedException.used();
        }
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.strip().getBytes(StandardCharsets.UTF_8))) {
            LOG.infof("bootstrap refused: reason=wrong token");
            throw BootstrapRefusedException.tokenWrong();
        }
        if (blank(username) || blank(displayName)) {
            throw BootstrapRefusedException.incompleteUser();
        }
        users.checkStrength(password);
        try {
            em.createNativeQuery("insert into bootstrap_use (id, username, used_at) values (1, ?1, ?2)")
                    .setParameter(1, username.strip())
                    .setParameter(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .executeUpdate();
        } catch (PersistenceException e) {
            // Another request used the token a moment ago: its row holds the key.
            throw BootstrapRefusedException.used();
        }
        AppUser admin = users.create(username.strip(), password, displayName.strip(), null, Role.ADMIN);
        admin.requirePasswordChange();
        LOG.infof("first admin made by bootstrap: user=%s", admin.username());
        return admin;
    }

    private boolean used() {
        long uses = ((Number) em.createNativeQuery("select count(*) from bootstrap_use").getSingleResult()).longValue();
        return uses > 0 || repository.count("role", Role.ADMIN) > 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
