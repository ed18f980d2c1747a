package com.sikifanso;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kubeconfig whose one cluster, context and user are {@code k3d-lab}, as {@code cluster create}
 * merges them, pointing at a test's API server (fabric8's mock server, or a port nothing answers).
 */
public final class LabKubeconfig {
    private LabKubeconfig() {
    }

    public static String pointingAt(String serverUrl) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: k3d-lab
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: k3d-lab
                  user: {token: test}
                contexts:
                - name: k3d-lab
                  context: {cluster: k3d-lab, user: k3d-lab}
                current-context: k3d-lab
                """.formatted(serverUrl);
    }

    /** Writes it to {@code file} and returns the file. */
    public static Path write(Path file, String serverUrl) throws IOException {
        return Files.writeString(file, pointingAt(serverUrl));
    }
}
