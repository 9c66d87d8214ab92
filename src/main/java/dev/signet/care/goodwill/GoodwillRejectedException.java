package dev.signet.care.goodwill;

import dev.signet.api.ProblemException;

/** A goodwill gesture or decision refused as asked; nothing was stored. */
class GoodwillRejectedException extends ProblemException {

    public GoodwillRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static GoodwillRejectedException invalid(String slug, String title, String detail) {
        return new GoodwillRejectedException(400, slug, title, detail);
    }

    static GoodwillRejectedException notFound(long id) {
        return new GoodwillRejectedException(404, "goodwill-not-found", "Goodwill gesture not found",
                "There is no goodwill gesture " + id + ".");
    }
}
