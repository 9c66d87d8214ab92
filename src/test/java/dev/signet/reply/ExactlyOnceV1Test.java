package dev.signet.reply;

import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;

/** Exactly once through X API v1.1 (Twitter4J): statuses/update.json, direct_messages/events/new.json. */
@QuarkusTest
class ExactlyOnceV1Test extends AbstractExactlyOnceTest {

    @Override
    protected Accounts accounts() {
        return new Accounts(TestWorld.AIR, TestWorld.AIR_HANDLE, TestWorld.MOBILE, TestWorld.MOBILE_HANDLE,
                "statuses/update.json", "direct_messages/events/new.json");
    }
}
