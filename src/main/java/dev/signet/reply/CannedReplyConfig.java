package dev.signet.reply;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The canned-reply library: how much the compose box's search shows. */
@ConfigMapping(prefix = "signet.reply.canned")
public interface CannedReplyConfig {

    /** Canned replies the compose box's search lists at most (best titles first), each filled for the conversation. */
    @WithDefault("8")
    int suggestions();
}
