package dev.signet.sandbox;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.RestForm;

import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The sandbox console: a person acts as a customer on the fake X (a public mention of a brand, a reply, or a
 * DM), then sees what that customer sees, the brands' signed answers included. Plain form POST and redirect;
 * refused input comes back on the page with everything typed kept.
 */
@Path("/sandbox/console")
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxConsolePage {

    static final String MENTION = "mention";
    static final String DIRECT_MESSAGE = "dm";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** What the person typed, kept as text so that a refused form comes back as it was. */
    public record Form(String customer, String name, String brand, String channel, String inReplyTo, String text) {
        boolean isDirectMessage() {
            return DIRECT_MESSAGE.equals(channel);
        }
    }

    /** One line of the customer's view, ready to show. */
    public record Line(String kind, String id, String from, String to, String text, String inReplyTo, String time,
            boolean byCustomer) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PageFrame frame, Form form, List<SandboxUserView> users, List<SandboxUserView> brands,
                SandboxUserView customer, List<Line> lines, String error, String notice);
    }

    private final SandboxService sandbox;
    private final PageFrames frames;

    public SandboxConsolePage(PageFrames frames, SandboxService sandbox) {
        this.frames = frames;
        this.sandbox = sandbox;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("customer") String customer, @QueryParam("brand") String brand,
            @QueryParam("posted") String posted) {
        Form form = new Form(customer, null, brand, MENTION, null, null);
        String notice = switch (posted == null ? "" : posted) {
            case MENTION -> "Mention posted.";
            case DIRECT_MESSAGE -> "Direct message sent.";
            default -> null;
        };
        return render(form, null, notice);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response post(@RestForm String customer, @RestForm String name, @RestForm String brand,
            @RestForm String channel, @RestForm String inReplyTo, @RestForm String text) {
        Form form = new Form(handle(customer), strip(name), handle(brand), DIRECT_MESSAGE.equals(channel) ? DIRECT_MESSAGE : MENTION,
                strip(inReplyTo), text);
        try {
            if (form.customer() == null) {
                throw XApiException.missingParameter("Pick or type a customer handle.");
            }
            if (form.brand() == null || form.brand().isBlank()) {
                throw XApiException.missingParameter("Pick a brand.");
            }
            sandbox.createCustomer(form.customer(), form.name());
            if (form.isDirectMessage()) {
                sandbox.sendDirectMessage(form.customer(), form.brand(), form.text());
            } else {
                sandbox.postMention(form.customer(), form.brand(), form.text(), replyId(form.inReplyTo()));
            }
        } catch (XApiException refused) {
            // Shown to the person on the page, with the form as they filled it in.
            return Response.status(422).entity(render(form, refused.getMessage(), null)).build();
        }
        URI next = UriBuilder.fromPath("/sandbox/console")
                .queryParam("customer", form.customer())
                .queryParam("brand", form.brand())
                .queryParam("posted", form.channel())
                .build();
        return Response.seeOther(next).build();
    }

    private TemplateInstance render(Form form, String error, String notice) {
        List<SandboxUserView> users = sandbox.users();
        List<SandboxUserView> brands = users.stream().filter(SandboxUserView::brand).toList();
        SandboxUserView customer = null;
        List<Line> lines = List.of();
        if (form.customer() != null) {
            var view = sandbox.user(form.customer()).map(u -> sandbox.customerView(u.handle()));
            if (view.isPresent()) {
                customer = view.get().customer();
                lines = view.get().items().stream().map(SandboxConsolePage::line).toList();
            }
        }
        return Templates.page(frames.current(), form, users, brands, customer, lines, error, notice);
    }

    private static Line line(CustomerView.Item item) {
        return new Line(item.isDirectMessage() ? "DM" : (item.inReplyToStatusId() != null ? "Reply" : "Tweet"),
                Long.toString(item.id()), item.authorHandle(), item.recipientHandle(), item.text(),
                item.inReplyToStatusId() == null ? null : item.inReplyToStatusId().toString(),
                TIME.format(item.createdAt()), item.byCustomer());
    }

    private static Long replyId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw XApiException.invalidParameter("\"In reply to\" must be a tweet id (digits only).");
        }
    }

    private static String strip(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    /** A handle as people type it: with or without the @. */
    private static String handle(String value) {
        String stripped = strip(value);
        return stripped != null && stripped.startsWith("@") ? strip(stripped.substring(1)) : stripped;
    }
}
