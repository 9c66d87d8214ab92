package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** An uploaded labelled file that can't be evaluated: empty, too large, not UTF-8, no label column, bad labels. */
public class LabelledFileRejectedException extends ProblemException {

    public LabelledFileRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }
}
