package dev.signet.customer;

import dev.signet.api.ProblemException;

/** A link, merge, pin or note refused for a reason the user can act on (not found, already done, not allowed). */
public class CustomerActionException extends ProblemException {

    public CustomerActionException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static CustomerActionException notFound(String what, long id) {
        return new CustomerActionException(404, what + "-not-found", capitalise(what) + " not found",
                "There is no " + what.replace('-', ' ') + " " + id + ".");
    }

    private static String capitalise(String what) {
        String words = what.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
