package dev.signet.reply;

import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;

/** Exactly once through X API v2 (REST client): POST /2/tweets, POST /2/dm_conversations/with/{id}/messages. */
@QuarkusTest
class ExactlyOnceV2Test extends AbstractExactlyOnceTest {

    @Override
    protected Accounts accounts() {
        return new Accounts(TestWorld.AIR_V2, TestWorld.AIR_V2_HANDLE, TestWorld.MOBILE_V2, TestWorld.MOBILE_V2_HANDLE,
                "/2/tweets", "/messages");
    }
}
