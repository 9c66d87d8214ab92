package dev.signet.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The query string's share of "text is validated once at the edge": a query parameter holding NUL or a lone
 * surrogate (PostgreSQL refuses NUL in a search, with a 500) is refused for every route at once, naming the
 * parameter, before any resource sees it.
 */
public class CleanQueryFilter {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            boolean unclean = TextRules.firstUnclean(parameter.getKey()) >= 0
                    || parameter.getValue().stream().anyMatch(value -> TextRules.firstUnclean(value) >= 0);
            if (unclean) {
                throw new UncleanInputException(parameter.getKey());
            }
        }
    }

    /** A query parameter with a NUL or a lone surrogate. */
    static final class UncleanInputException extends ProblemException {

        private static final long serialVersionUID = 1L;

        UncleanInputException(String parameter) {
            super(400, "invalid-request", "Invalid request",
                    "The query parameter " + (TextRules.firstUnclean(parameter) >= 0 ? "name" : parameter)
                            + " must be plain text: no NUL character and no lone surrogate.");
        }
    }
}
