package com.sikifanso.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (the CNCF Distribution registry) on 127.0.0.1, which Docker
 * pulls from without TLS, so image pulls in tests are the real ones: the engine fetches manifests
 * and layers over HTTP and streams its progress. CI (.ci/run) installs the package; elsewhere the
 * test is skipped with a loud message.
 */
public final class LocalRegistry implements AutoCloseable {
    static final String BINARY = "/usr/bin/docker-registry";

    private final Process process;
    private final Path dir;
    public final String host;

    private LocalRegistry(Process process, Path dir, String host) {
        this.process = process;
        this.dir = dir;
        this.host = host;
    }

    /** Starts one on a free port, storing under {@code dir}; skips the test when the package is missing. */
    public static LocalRegistry start(Path dir) throws IOException, InterruptedException {
        return start(dir, "");
    }

    /** As {@link #start(Path)}, with {@code extraConfig} (e.g. an {@code auth:} section) appended to its config. */
    public static LocalRegistry start(Path dir, String extraConfig) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            skipWithoutBinary();
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String host = "127.0.0.1:" + port;
        Files.createDirectories(dir);
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: %s
                """.formatted(dir.resolve("data"), host) + extraConfig);
        Process p = new ProcessBuilder(BINARY, "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        LocalRegistry registry = new LocalRegistry(p, dir, host);
        registry.awaitReady();
        return registry;
    }

    /** Skips the calling test, loudly: without Debian's docker-registry there is no registry to test against. */
    static void skipWithoutBinary() {
        String why = "no " + BINARY + ": apt-get install docker-registry (bash .ci/run does) to run the image"
                + " pull tests against a real registry";
        new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true)
                .println("\n!!!!! SKIPPING REGISTRY TESTS: " + why + " !!!!!\n");
        assumeTrue(false, "SKIPPED: " + why);
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) new URI("http://" + host + "/v2/").toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200 || c.getResponseCode() == 401) { // 401: up, behind a login
                    return;
                }
            } catch (IOException | URISyntaxException notYet) {
                // Still starting.
            }
            Thread.sleep(100);
        }
        throw new IOException("docker-registry did not answer on " + host + " within 20 s");
    }

    /**
     * Builds a fresh stand-in node image as {@code host/repository:tag}, pushes it here and removes
     * it from the engine, so the next use has to pull it (its layer is its own: nothing to reuse).
     */
    String publishStandIn(String repository, String tag) throws IOException, InterruptedException {
        String image = host + "/" + repository + ":" + tag;
        Path script;
        try {
            script = Path.of(LocalRegistry.class.getResource("/k3s-standin/build-image.sh").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Process build = new ProcessBuilder("sh", script.toString(), image).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes());
        if (build.waitFor() != 0) {
            throw new IOException("building " + image + " failed: " + output);
        }
        RealDocker.client().pushImageCmd(host + "/" + repository).withTag(tag)
                .exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion(60, TimeUnit.SECONDS);
        removeFromEngine(image);
        return image;
    }

    static void removeFromEngine(String image) {
        try {
            RealDocker.client().removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Nothing to remove.
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
