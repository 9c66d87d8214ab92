package dev.signet.flow;

import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;

/** The end-to-end flows through X API v1.1 (Twitter4J), on PostgreSQL. */
@QuarkusTest
class MentionToReplyTest extends AbstractMentionToReplyTest {

    @Override
    protected Brand air() {
        return new Brand(TestWorld.AIR, TestWorld.AIR_HANDLE);
    }

    @Override
    protected Brand mobile() {
        return new Brand(TestWorld.MOBILE, TestWorld.MOBILE_HANDLE);
    }
}
