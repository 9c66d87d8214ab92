package dev.signet.web;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;

/**
 * The one helper every page (and {@code api}'s error page, the sandbox console) calls for the layout's data: the
 * viewer's links ({@link Navigation}), the bell ({@link NotificationBell}) and the CSRF token ({@link PageToken}),
 * built once per request.
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
        if (frame == null) {
            frame = new PageFrame(navigation.links().stream().map(l -> new PageFrame.Link(l.href(), l.label())).toList(),
                    bell.unread(), token.value());
        }
        return frame;
    }
}
