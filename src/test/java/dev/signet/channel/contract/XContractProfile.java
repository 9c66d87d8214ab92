package dev.signet.channel.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The v2 test brand {@code test-air-v2} talks to X through a {@link RecordingProxy} on a free loopback port, so
 * that the real poller and publisher's traffic can be recorded; the test reads the port back from the config.
 */
public class XContractProfile implements QuarkusTestProfile {

    static final String BASE_URL_KEY = "signet.channel.accounts.test-air-v2.api-v2-base-url";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(BASE_URL_KEY, "http://127.0.0.1:" + freePort() + "/sandbox/x/2/");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the recording proxy", e);
        }
    }
}
