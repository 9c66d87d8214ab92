package dev.signet.page;

/** Builds the {@link PageFrame} of the current request; {@code web} implements it (request-scoped, built once). */
public interface PageFrames {

    /** The current request's frame. */
    PageFrame current();
}
