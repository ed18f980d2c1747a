package com.sikifanso.cluster;

import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.Scaffolder;
import com.sikifanso.infra.InfraConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A custom GitOps template (for {@code cluster create --bootstrap DIR}): the template built into
 * sikifanso, plus infra/ overrides that point the cluster at the test's stand-ins, so that one
 * create process runs against them as a user's own template would.
 */
final class StandInTemplate {
    private StandInTemplate() {
    }

    static Path write(Path dir, InfraConfig pins, ApiServerStandIn api, LocalHelmRepository charts)
            throws IOException {
        for (String file : Scaffolder.embeddedFiles()) {
            Path out = dir.resolve(file);
            Files.createDirectories(out.getParent());
            Files.writeString(out, Scaffolder.embeddedFile(file).orElseThrow());
        }
        // k3s's own flags stay; the stand-in k3s's are added (lists replace the defaults).
        List<String> k3sArgs = new ArrayList<>(pins.platform().k3sArgs());
        k3sArgs.add("--stand-in-api-server=" + api.forwardTarget());
        k3sArgs.add("--stand-in-kubeconfig=" + Base64.getEncoder().encodeToString(
                api.k3sKubeconfig().getBytes(StandardCharsets.UTF_8)));
        override(dir, "platform.yaml", Map.of("k3sArgs", k3sArgs));
        override(dir, "cilium.yaml", Map.of("repoURL", charts.url()));
        override(dir, "argocd.yaml", Map.of("repoURL", charts.url()));
        return dir;
    }

    private static void override(Path dir, String name, Map<String, Object> settings) throws IOException {
        Files.write(dir.resolve("infra").resolve(name), Mappers.YAML.writeValueAsBytes(settings));
    }
}
