package dev.signet.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.signet.channel.AccountHealth;
import dev.signet.channel.AccountSilence;
import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ApiUsageView;
import dev.signet.channel.ChannelAccountService;
import dev.signet.channel.SilenceWatch;
import dev.signet.channel.gap.GapService;
import dev.signet.channel.gap.GapView;
import dev.signet.channel.oauth.GrantView;
import dev.signet.channel.oauth.OAuth2Service;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.CurrentUser;
import dev.signet.channel.push.PushStatus;
import dev.signet.channel.push.PushView;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Channel health for leads and admins: polling, silence alarms and the X API cost meter, per brand account. */
@Path("/admin")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class AdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(PageFrame frame, Viewer me, List<AccountHealth> health, List<AccountSilence> silence,
                List<ApiUsageView> usage, String month, List<GapView> gaps, List<PushView> delivery,
                List<GrantView> userContext);
    }

    private final ChannelAccountService accounts;
    private final SilenceWatch silence;
    private final ApiUsageService usage;
    private final CurrentUser currentUser;
    private final GapService gaps;
    private final PushStatus push;
    private final OAuth2Service oauth;
    private final PageFrames frames;

    public AdminPage(PageFrames frames, ChannelAccountService accounts, SilenceWatch silence, ApiUsageService usage, CurrentUser currentUser,
            GapService gaps, PushStatus push, OAuth2Service oauth) {
        this.frames = frames;
        this.oauth = oauth;
        this.accounts = accounts;
        this.silence = silence;
        this.usage = usage;
        this.currentUser = currentUser;
        this.gaps = gaps;
        this.push = push;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return Templates.admin(frames.current(), Viewer.of(currentUser.get()), accounts.health(), silence.check(),
                usage.month(usage.thisMonth()), usage.thisMonth().toString(), gaps.latest(null),
                push.all(), oauth.all());
    }
}
