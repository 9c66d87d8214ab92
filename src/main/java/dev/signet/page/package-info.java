/**
 * What the one page layout ({@code templates/layout/main.html}) shows around every page: the {@link dev.signet.page.PageFrame}
 * (top-bar links, the bell's unread count, the CSRF token for htmx) and the port {@link dev.signet.page.PageFrames}
 * that builds it once per request. Every {@code @CheckedTemplate} that includes the layout takes a {@code PageFrame frame}
 * parameter, so the layout is fed type-checked data, never {@code inject:} beans. It sits below every feature (it
 * knows none) so that {@code api}'s error page and the sandbox console use the same layout as {@code web}, which
 * implements the port.
 */
package dev.signet.page;
