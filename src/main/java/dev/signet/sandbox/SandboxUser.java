package dev.signet.sandbox;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person or a brand on the fake X. Brands hold the access token that identifies them as API callers. */
@Entity
@Table(name = "sandbox_user")
public class SandboxUser {

    @Id
    private Long id;

    @Column(name = "screen_name", nullable = false)
    private String screenName;

    /** Lower-cased handle: handles are unique regardless of case on X. */
    @Column(name = "screen_name_key", nullable = false)
    private String screenNameKey;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean brand;

    @Column(name = "access_token")
    private String accessToken;

    @Column(name = "access_token_secret")
    private String accessTokenSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SandboxUser() {
        // for JPA
    }

    private SandboxUser(long id, String screenName, String name, Instant createdAt) {
        this.id = id;
        this.screenName = screenName;
        this.screenNameKey = keyOf(screenName);
        this.name = name;
        this.createdAt = createdAt;
    }

    static SandboxUser customer(long id, String screenName, String name, Instant createdAt) {
        return new SandboxUser(id, screenName, name, createdAt);
    }

    static SandboxUser brand(long id, String screenName, String name, String accessToken, String accessTokenSecret,
            Instant createdAt) {
        SandboxUser user = new SandboxUser(id, screenName, name, createdAt);
        user.makeBrand(accessToken, accessTokenSecret);
        return user;
    }

    /** The case-insensitive lookup key of a handle. */
    static String keyOf(String screenName) {
        return screenName.toLowerCase(Locale.ROOT);
    }

    /** Turns this user into a brand that calls the API with these credentials (or updates them). */
    void makeBrand(String token, String tokenSecret) {
        this.brand = true;
        this.accessToken = token;
        this.accessTokenSecret = tokenSecret;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public long getId() {
        return id;
    }

    public String getScreenName() {
        return screenName;
    }

    public String getName() {
        return name;
    }

    public String getAccessTokenSecret() {
        return accessTokenSecret;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    SandboxUserView toView() {
        return new SandboxUserView(id, screenName, name, brand);
    }
}
