package dev.signet.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * The one helper every page (and {@code api}'s error page, the sandbox console) calls for the layout's data: the
 * viewer's links ({@link Navigation}), the bell ({@link NotificationBell}) and the CSRF token ({@link PageToken}),
 * built once per request. Where the request may not block (an error page rendered on an I/O thread) the identity
 * can't be read: the frame is a visitor's.
 */
@RequestScoped
class WebPageFrames implements PageFrames {

    private final Navigation navigation;
    private final NotificationBell bell;
    private final PageToken token;
    private PageFrame frame;

    WebPageFrames(Navigation navigation, NotificationBell bell, PageToken token) {
        this.navigation = navigation;
        this.bell = bell;
        this.token = token;
    }

    @Override
    public PageFrame current() {
        if (frame == null && !BlockingOperationControl.isBlockingAllowed()) {
            // An error page rendered on an I/O thread (an unknown path) may not resolve the identity (lazy
            // authentication would block): no links, no bell there, as for a visitor.
            frame = new PageFrame(List.of(), -1L, token.value());
        } else if (frame == null) {
            frame = new PageFrame(navigation.links().stream().map(l -> new PageFrame.Link(l.href(), l.label())).toList(),
                    bell.unread(), token.value());
        }
        return frame;
    }
}
