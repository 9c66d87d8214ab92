package dev.signet.channel;

/**
 * Which reads are spread over X's rate-limit window (one read per window / limit at most). DMs always are unless
 * turned off: X allows 15 DM reads per 15 minutes, which a 10 s poll spends in 150 s, leaving every later DM to
 * wait for the window's reset (the embedded default once took 12 minutes to show a DM).
 */
final class PollPacing {

    private PollPacing() {
    }

    static boolean spreads(ChannelConfig config, ApiCall call) {
        return config.spreadPolls() || call == ApiCall.DIRECT_MESSAGES && config.spreadDirectMessagePolls();
    }
}
