package com.sikifanso.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Docker engine the cluster tests run against, and the stand-in k3s image they use. Without
 * an engine the tests are skipped, loudly: CI (.ci/run) always starts one.
 */
public final class RealDocker {
    public static final String STAND_IN_IMAGE = "sikifanso/k3s-standin:test";
    private static volatile String unavailable;
    private static volatile boolean checked;

    private RealDocker() {
    }

    public static Map<String, String> env() {
        return System.getenv();
    }

    static DockerEngine engine() {
        return new DockerEngine(env());
    }

    static DockerClient client() {
        return engine().client();
    }

    /**
     * The host as containers on any Docker network reach it: the default bridge's gateway (the
     * host's docker0 address), where a test serves what a node must reach on the host.
     */
    static java.net.InetAddress bridgeGateway() throws java.net.UnknownHostException {
        return java.net.InetAddress.getByName(client().inspectNetworkCmd().withNetworkId("bridge").exec().getIpam()
                .getConfig().get(0).getGateway());
    }

    /** Whether require() found a usable engine (false before it ran or when it skipped). */
    static synchronized boolean available() {
        return checked && unavailable == null;
    }

    /** Skips the calling test with the reason when no engine answers; builds the stand-in image once. */
    public static synchronized void require() {
        if (!checked) {
            checked = true;
            try {
                client().pingCmd().exec();
                ensureStandInImage();
            } catch (RuntimeException | IOException | InterruptedException e) {
                unavailable = "no usable Docker engine at " + engine().host() + " (" + e + "). Start dockerd"
                        + " (bash .ci/run does) to run the cluster tests against real containers.";
                // Straight to the process's stderr: Surefire captures System.err into report files.
                java.io.PrintStream console = new java.io.PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
                console.println("\n!!!!! SKIPPING DOCKER TESTS: " + unavailable + " !!!!!\n");
                System.err.println("SKIPPING DOCKER TESTS: " + unavailable);
            }
        }
        assumeTrue(unavailable == null, () -> "SKIPPED, Docker unavailable: " + unavailable);
    }

    private static void ensureStandInImage() throws IOException, InterruptedException {
        try {
            client().inspectImageCmd(STAND_IN_IMAGE).exec();
            return;
        } catch (NotFoundException missing) {
            // Build it below.
        }
        Path script;
        try {
            script = Path.of(RealDocker.class.getResource("/k3s-standin/build-image.sh").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Process build = new ProcessBuilder("sh", script.toString(), STAND_IN_IMAGE).redirectErrorStream(true)
                .start();
        String output = new String(build.getInputStream().readAllBytes());
        if (build.waitFor() != 0) {
            throw new IOException("building the stand-in image failed: " + output);
        }
    }
}
