package dev.signet.testsupport;

import io.restassured.response.Response;

/** Reads the CSRF token that every Signet form carries, so tests can post forms like a browser. */
public final class Csrf {

    public static final String COOKIE = "csrf-token";
    public static final String FIELD = "csrf-token";

    private Csrf() {
    }

    /** The token of the first form of a page. */
    public static String token(Response page) {
        String html = page.asString();
        String marker = "name=\"" + FIELD + "\" value=\"";
        int at = html.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("No CSRF token in the page");
        }
        int start = at + marker.length();
        return html.substring(start, html.indexOf('"', start));
    }
}
