package dev.signet.channel;

import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/** The time zone of each configured brand account ({@code signet.channel.accounts.<key>.time-zone}, UTC by default). */
@ApplicationScoped
public class AccountTimeZones {

    private final ChannelConfig config;

    public AccountTimeZones(ChannelConfig config) {
        this.config = config;
    }

    /** The account's zone; UTC for an account no longer configured. */
    public ZoneId of(String accountKey) {
        ChannelConfig.Account account = config.accounts().get(accountKey);
        return account == null ? ZoneOffset.UTC : account.timeZone();
    }
}
