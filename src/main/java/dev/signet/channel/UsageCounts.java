package dev.signet.channel;

/**
 * What one brand account asked of X in one month, as X bills it (same-day re-reads already left out).
 *
 * @param ownedReads   mentions read from the brand's own mentions timeline (owned reads)
 * @param postReads    posts read elsewhere (X's recent search)
 * @param dmReads      DM events read from the DM events list
 * @param pushedPosts  post events the Activity API pushed
 * @param pushedDms    DM events the Activity API pushed
 * @param replies      public replies without a URL to a customer who mentioned the brand
 * @param posts        public posts without a URL that answer no mention
 * @param postsWithUrl public posts or replies with a URL
 * @param dmsSent      DMs sent
 * @param userReads    authors looked up because X did not expand them
 */
public record UsageCounts(long ownedReads, long postReads, long dmReads, long pushedPosts, long pushedDms,
        long replies, long posts, long postsWithUrl, long dmsSent, long userReads) {

    /** Nothing read or sent. */
    public static final UsageCounts NONE = new UsageCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
