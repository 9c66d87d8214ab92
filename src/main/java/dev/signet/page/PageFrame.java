package dev.signet.page;

import java.util.List;

/**
 * What the layout shows around a page: the top bar's links the viewer may follow, the bell's unread count (-1 hides
 * the bell: nobody logged in, or a page rendered where the database may not be used) and the request's CSRF token
 * for the {@code <meta name="csrf-token">} that {@code /js/signet.js} sends with htmx requests (null where none was
 * issued).
 */
public record PageFrame(List<Link> links, long unread, String csrfToken) {

    /** One link of the top bar. */
    public record Link(String href, String label) {
    }

    public PageFrame {
        links = List.copyOf(links);
    }

    /** The frame of a page that knows nothing of its viewer: no links, no bell, no token. */
    public static PageFrame bare() {
        return new PageFrame(List.of(), -1L, null);
    }

    /** Whether the bell is shown (someone is logged in and the count could be read). */
    public boolean bellVisible() {
        return unread >= 0;
    }
}
