package com.sikifanso.cluster;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image a cluster's registry container runs in tests: registry:2 cannot be pulled here, so Debian's
 * docker-registry (the same Distribution registry) is put into an image of its own, built once per engine.
 */
final class RegistryStandIn {
    static final String IMAGE = "sikifanso/registry-standin:test";

    private RegistryStandIn() {
    }

    /** The image, built when the engine lacks it; skips the test loudly without the Debian package. */
    static synchronized String image() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(LocalRegistry.BINARY))) {
            LocalRegistry.skipWithoutBinary();
        }
        try {
            RealDocker.client().inspectImageCmd(IMAGE).exec();
            return IMAGE;
        } catch (NotFoundException missing) {
            // Built below.
        }
        Path script;
        try {
            script = Path.of(RegistryStandIn.class.getResource("/registry-standin/build-image.sh").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Process build = new ProcessBuilder("sh", script.toString(), IMAGE).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes());
        if (build.waitFor() != 0) {
            throw new IOException("building " + IMAGE + " failed: " + output);
        }
        return IMAGE;
    }
}
