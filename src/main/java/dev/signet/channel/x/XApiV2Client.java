package dev.signet.channel.x;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The X API v2 endpoints Signet uses, as a typed Quarkus REST client. Built per brand account by
 * {@link XApiV2Connector} (the base URL and credentials are per account), signed by {@link OAuthSigningFilter};
 * error answers become {@link XApiV2Failure} ({@link XApiV2ErrorMapper}). A null query parameter is not sent.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface XApiV2Client {

    @GET
    @Path("users/me")
    XApiV2Json.UserResponse me();

    @GET
    @Path("users/{id}/mentions")
    XApiV2Json.RawPage mentions(@PathParam("id") String userId, @QueryParam("max_results") int maxResults,
            @QueryParam("since_id") String sinceId, @QueryParam("pagination_token") String paginationToken,
            @QueryParam("tweet.fields") String tweetFields, @QueryParam("expansions") String expansions);

    @GET
    @Path("users/{id}/tweets")
    XApiV2Json.TweetPage tweets(@PathParam("id") String userId, @QueryParam("max_results") int maxResults,
            @QueryParam("since_id") String sinceId, @QueryParam("pagination_token") String paginationToken,
            @QueryParam("tweet.fields") String tweetFields);

    @GET
    @Path("tweets/search/recent")
    XApiV2Json.TweetPage searchRecent(@QueryParam("query") String query, @QueryParam("max_results") int maxResults,
            @QueryParam("since_id") String sinceId, @QueryParam("until_id") String untilId,
            @QueryParam("next_token") String nextToken, @QueryParam("tweet.fields") String tweetFields,
            @QueryParam("expansions") String expansions);

    @GET
    @Path("dm_events")
    XApiV2Json.DmEventPage directMessageEvents(@QueryParam("max_results") int maxResults,
            @QueryParam("pagination_token") String paginationToken, @QueryParam("event_types") String eventTypes,
            @QueryParam("dm_event.fields") String eventFields, @QueryParam("expansions") String expansions);

    @GET
    @Path("dm_conversations/with/{participantId}/dm_events")
    XApiV2Json.DmEventPage conversationEvents(@PathParam("participantId") String participantId,
            @QueryParam("max_results") int maxResults, @QueryParam("pagination_token") String paginationToken,
            @QueryParam("event_types") String eventTypes, @QueryParam("dm_event.fields") String eventFields);


    /** The same DM events, each kept as X sent it (see {@link XApiV2Json.RawPage}): what polling reads. */
    @GET
    @Path("dm_events")
    XApiV2Json.RawPage directMessageEventPage(@QueryParam("max_results") int maxResults,
            @QueryParam("pagination_token") String paginationToken, @QueryParam("event_types") String eventTypes,
            @QueryParam("dm_event.fields") String eventFields, @QueryParam("expansions") String expansions);

    /** Users by id, at most 100 at once: authors X named by id only. */
    @GET
    @Path("users")
    XApiV2Json.UsersResponse users(@QueryParam("ids") String ids, @QueryParam("user.fields") String userFields);

    /** The raw body: a 2xx means X has the post whatever the body says, so it is read by the connector. */
    @POST
    @Path("tweets")
    String createTweet(XApiV2Json.NewTweet tweet);

    /** The raw body, as for {@link #createTweet}. */
    @POST
    @Path("dm_conversations/with/{participantId}/messages")
    String sendDirectMessage(@PathParam("participantId") String participantId, XApiV2Json.NewDirectMessage message);
}
