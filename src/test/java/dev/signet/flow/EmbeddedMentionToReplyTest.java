package dev.signet.flow;

import dev.signet.testsupport.EmbeddedH2Profile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same end-to-end flow on the embedded default's database (H2 in PostgreSQL mode). */
@QuarkusTest
@TestProfile(EmbeddedH2Profile.class)
class EmbeddedMentionToReplyTest extends MentionToReplyTest {
}
