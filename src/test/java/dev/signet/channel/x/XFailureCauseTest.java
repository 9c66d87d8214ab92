package dev.signet.channel.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

/** A failed call to X names its cause: a timeout, a refused connection and a bare failure read differently. */
class XFailureCauseTest {

    @Test
    void namesTheRootCauseWithItsMessage() {
        assertEquals("ProcessingException (SocketTimeoutException: Read timed out)",
                XFailureCause.describe(new ProcessingException(new SocketTimeoutException("Read timed out"))));
        assertEquals("ProcessingException (ConnectException: Connection refused)", XFailureCause.describe(
                new ProcessingException(new RuntimeException("wrapped", new ConnectException("Connection refused")))));
        assertEquals("IllegalStateException: no\nbody".replace("\n", " "),
                XFailureCause.describe(new IllegalStateException("no\nbody")));
        assertEquals("IllegalStateException", XFailureCause.describe(new IllegalStateException()));
    }

    @Test
    void aLongMessageIsCut() {
        String described = XFailureCause.describe(new ProcessingException(new ConnectException("x".repeat(1_000))));
        assertTrue(described.length() <= 201, described);
        assertTrue(described.endsWith("…"), described);
    }
}
