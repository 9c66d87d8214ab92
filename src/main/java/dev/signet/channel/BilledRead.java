package dev.signet.channel;

/**
 * What kind of read X bills, and at which price of {@link ApiCostConfig}. Posts and DM events are different
 * resources: a resource id is unique only within its {@link #resource()}.
 */
public enum BilledRead {
    /** A mention of the brand read from its own mentions timeline: an "owned read". */
    OWNED_POST("post"),
    /** A post read elsewhere than the owned timeline (X's recent search, recovering a mention gap). */
    POST("post"),
    /** A DM event read from the DM events list. */
    DM("dm"),
    /** A post event the Activity API pushed: billed as a post read. */
    PUSHED_POST("post"),
    /** A DM event the Activity API pushed: billed as a DM read. */
    PUSHED_DM("dm");

    private final String resource;

    BilledRead(String resource) {
        this.resource = resource;
    }

    /** The kind of resource ({@code post} or {@code dm}) whose same-day re-reads are free. */
    public String resource() {
        return resource;
    }
}
