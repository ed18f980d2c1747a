package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.Scaffolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster with GPUs, as the real Helm engine renders the upstream charts at the catalog's pinned versions (vendored
 * under src/test/resources/charts; no chart repository can be reached here): Ollama's pod asks for nvidia.com/gpu and
 * runs with k3s' nvidia RuntimeClass once its values went through {@link GpuScheduling}; the device plugin's DaemonSet
 * runs with that RuntimeClass and without the node-feature-discovery affinity that would keep it off every node.
 */
class GpuChartsRenderTest {
    @TempDir
    Path dir;

    @Test
    void ollamaOnAClusterWithGpusAsksForThemAndRunsWithTheNvidiaRuntime() throws IOException {
        String shipped = Scaffolder.embeddedFile(GpuScheduling.OLLAMA_VALUES).orElseThrow();
        RepoChange change = GpuScheduling.ollamaOnGpus(shipped, 2);
        String values = new String(change.files().get(GpuScheduling.OLLAMA_VALUES).orElseThrow(),
                StandardCharsets.UTF_8);

        JsonNode pod = podOf(render("ollama-1.56.0", "ollama", values, "models"), "Deployment");

        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/resources/limits/nvidia.com~1gpu").asText()).isEqualTo("2");
        assertThat(container.at("/resources/limits/memory").asText()).as("the catalog's own limits stay")
                .isEqualTo("4Gi");
        assertThat(pod.get("runtimeClassName").asText()).isEqualTo("nvidia");
        assertThat(values).startsWith("# Helm values for ollama").contains("llama3.2:1b");
        assertThat(change.message()).isEqualTo("catalog: ollama asks for 2 nvidia.com/gpu (the cluster has GPUs)");
    }

    @Test
    void ollamaWithTheShippedValuesAsksForNoGpu() throws IOException {
        JsonNode pod = podOf(render("ollama-1.56.0", "ollama",
                Scaffolder.embeddedFile(GpuScheduling.OLLAMA_VALUES).orElseThrow(), "models"), "Deployment");

        assertThat(pod.at("/containers/0/resources/limits").has("nvidia.com/gpu")).isFalse();
        assertThat(pod.has("runtimeClassName")).isFalse();
    }

    @Test
    void theDevicePluginRunsOnEveryNodeWithTheNvidiaRuntime() throws IOException {
        String values = Scaffolder.embeddedFile("catalog/values/" + GpuScheduling.DEVICE_PLUGIN + ".yaml").orElseThrow();
        String namespace = Mappers.YAML.readTree(Scaffolder.embeddedFile("catalog/" + GpuScheduling.DEVICE_PLUGIN
                + ".yaml").orElseThrow()).get("namespace").asText();

        List<JsonNode> objects = render("nvidia-device-plugin-0.20.0", GpuScheduling.DEVICE_PLUGIN, values, namespace);
        JsonNode pod = podOf(objects, "DaemonSet");

        assertThat(pod.get("runtimeClassName").asText()).isEqualTo(GpuScheduling.RUNTIME_CLASS);
        assertThat(pod.has("affinity")).as("no affinity on labels only node-feature-discovery sets").isFalse();
        assertThat(pod.toString()).contains("nvidia.com/gpu");
        assertThat(objects).noneMatch(o -> o.get("kind").asText().equals("DaemonSet")
                && o.at("/metadata/name").asText().contains("feature-discovery"));
    }

    private List<JsonNode> render(String chart, String app, String values, String namespace) throws IOException {
        return VendoredCharts.render(dir, chart, app, values, namespace);
    }

    private static JsonNode podOf(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.get("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " rendered")).at("/spec/template/spec");
    }
}
