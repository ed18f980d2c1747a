package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.Scaffolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster with GPUs, as the real Helm engine renders the upstream charts at the catalog's pinned versions (vendored
 * under src/test/resources/charts; no chart repository can be reached here): Ollama's pod asks for nvidia.com/gpu and
 * runs with k3s' nvidia RuntimeClass once its values went through {@link GpuScheduling}; the device plugin's DaemonSet
 * runs with that RuntimeClass and without the node-feature-discovery affinity that would keep it off every node.
 * vLLM's engine asks for N GPUs, shards the model over them and runs with that RuntimeClass the same way; with the
 * shipped values it asks for one GPU and names no RuntimeClass (which k3s without the NVIDIA runtime lacks). Its
 * chart's Prometheus dependencies are stand-ins (charts/README.md) whose rendering the values must keep off.
 */
class GpuChartsRenderTest {
    @TempDir
    Path dir;

    @Test
    void ollamaOnAClusterWithGpusAsksForThemAndRunsWithTheNvidiaRuntime() throws IOException {
        RepoChange change = GpuScheduling.onGpus("ollama", shipped("ollama"), 2);
        String values = written(change, "ollama");

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
                shipped("ollama"), "models"), "Deployment");

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

    @Test
    void vllmOnAClusterWithGpusAsksForThemAndRunsWithTheNvidiaRuntime() throws IOException {
        RepoChange change = GpuScheduling.onGpus("vllm", shipped("vllm"), 2);
        String values = written(change, "vllm");

        JsonNode pod = engine(renderVllm(values));

        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/resources/limits/nvidia.com~1gpu").asText()).isEqualTo("2");
        assertThat(container.at("/resources/requests/nvidia.com~1gpu").asText()).isEqualTo("2");
        assertThat(container.at("/resources/limits/memory").asText()).as("the catalog's own limits stay")
                .isEqualTo("12Gi");
        assertThat(texts(container.get("command"))).as("the model sharded over both").containsSequence(
                "--tensor-parallel-size", "2");
        assertThat(pod.get("runtimeClassName").asText()).isEqualTo(GpuScheduling.RUNTIME_CLASS);
        assertThat(values).startsWith("# Helm values for vllm").contains("Qwen/Qwen2.5-0.5B-Instruct");
        assertThat(change.message()).isEqualTo("catalog: vllm asks for 2 nvidia.com/gpu (the cluster has GPUs)");
    }

    @Test
    void vllmWithTheShippedValuesAsksForOneGpuAndNoRuntimeClassThatMayBeMissing() throws IOException {
        JsonNode pod = engine(renderVllm(shipped("vllm")));

        assertThat(pod.at("/containers/0/resources/limits/nvidia.com~1gpu").asText())
                .as("vLLM's image cannot run on a CPU: without a GPU the pod waits, Pending").isEqualTo("1");
        assertThat(pod.has("runtimeClassName")).as("the chart's default nvidia is not kept").isFalse();
    }

    @Test
    void vllmServesTheSmallModelFromItsVolumeWithPinnedImagesAndNothingOptional() throws IOException {
        List<JsonNode> objects = renderVllm(shipped("vllm"));
        JsonNode pod = engine(objects);
        JsonNode container = pod.at("/containers/0");

        assertThat(container.get("image").asText()).isEqualTo("vllm/vllm-openai:v0.13.0");
        assertThat(texts(container.get("command"))).containsExactly("vllm", "serve", "Qwen/Qwen2.5-0.5B-Instruct",
                "--host", "0.0.0.0", "--port", "8000", "--no-enable-prefix-caching", "--max-model-len", "4096",
                "--tensor-parallel-size", "1", "--gpu_memory_utilization", "0.6");
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/data");
        assertThat(container.get("env").findValuesAsText("value")).contains("/data");
        JsonNode pvc = only(objects, "PersistentVolumeClaim");
        assertThat(pvc.at("/metadata/name").asText()).isEqualTo("vllm-qwen-storage-claim");
        assertThat(pvc.at("/spec/resources/requests/storage").asText()).isEqualTo("20Gi");
        assertThat(texts(pvc.at("/spec/accessModes"))).containsExactly("ReadWriteOnce");
        assertThat(pvc.at("/spec").has("storageClassName")).as("the cluster's default class provisions it").isFalse();
        assertThat(pod.at("/volumes").findValuesAsText("claimName")).containsExactly("vllm-qwen-storage-claim");
        assertThat(objects).filteredOn(o -> o.at("/metadata/name").asText().equals("vllm-qwen-deployment-vllm"))
                .extracting(d -> d.at("/spec/strategy/type").asText()).as("no second pod waiting for a second GPU")
                .containsExactly("Recreate");
        List<String> images = objects.stream().flatMap(o -> o.findValuesAsText("image").stream()).toList();
        assertThat(images).containsExactlyInAnyOrder("vllm/vllm-openai:v0.13.0", "lmcache/lmstack-router:v0.1.12");
        // The Prometheus dependencies are stand-ins rendering a ConfigMap (see charts/README.md): none, as both are off.
        assertThat(objects).extracting(o -> o.get("kind").asText()).as("no monitoring, autoscaling, LMCache, LoRA or Ray")
                .containsExactlyInAnyOrder("ServiceAccount", "Role", "RoleBinding", "Service", "Service",
                        "PersistentVolumeClaim", "Deployment", "Deployment", "Secret");
        assertThat(only(objects, "Secret").path("data").size()).as("no API key or Hugging Face token in the repo")
                .isZero();
    }

    @Test
    void theDependencyStandInsShowWhenAConditionLetsThemIn() throws IOException {
        String values = shipped("vllm").replace("kube-prometheus-stack:\n  enabled: false",
                "kube-prometheus-stack:\n  enabled: true");

        assertThat(renderVllm(values)).extracting(o -> o.at("/metadata/name").asText())
                .as("what the previous test's kinds would catch").contains("stand-in-kube-prometheus-stack-rendered")
                .doesNotContain("stand-in-prometheus-adapter-rendered");
    }

    @Test
    void agentsReachVllmsRouterOnThePortAndLabelsItsCatalogEntryNames() throws IOException {
        CatalogEntry.AgentAccess access = Mappers.YAML.treeToValue(
                Mappers.YAML.readTree(Scaffolder.embeddedFile("catalog/vllm.yaml").orElseThrow()).get("agentAccess"),
                CatalogEntry.AgentAccess.class);
        List<JsonNode> objects = renderVllm(shipped("vllm"));
        JsonNode router = objects.stream().filter(o -> o.at("/metadata/name").asText().equals("vllm-deployment-router"))
                .findFirst().orElseThrow().at("/spec/template");

        assertThat(Mappers.YAML.convertValue(router.at("/metadata/labels"), Map.class))
                .containsAllEntriesOf(access.podLabels());
        assertThat(router.at("/spec/containers/0/ports/0/containerPort").asInt()).isEqualTo(access.port());
        JsonNode service = objects.stream().filter(o -> o.at("/metadata/name").asText().equals("vllm-router-service"))
                .findFirst().orElseThrow();
        assertThat(service.at("/spec/ports/0/port").asInt()).as("one port for the Service and the pod")
                .isEqualTo(access.port());
        assertThat(texts(router.at("/spec/containers/0/args"))).containsSequence("--k8s-namespace", "models");
    }

    private List<JsonNode> renderVllm(String values) throws IOException {
        return render("vllm-stack-0.1.12", "vllm", values, "models");
    }

    /** The model's Deployment (the chart names it RELEASE-MODEL-deployment-vllm). */
    private static JsonNode engine(List<JsonNode> objects) {
        return objects.stream().filter(o -> o.at("/metadata/name").asText().equals("vllm-qwen-deployment-vllm"))
                .findFirst().orElseThrow(() -> new AssertionError("no engine Deployment rendered"))
                .at("/spec/template/spec");
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> o.get("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String shipped(String app) {
        return Scaffolder.embeddedFile(GpuScheduling.valuesFile(app)).orElseThrow();
    }

    private static String written(RepoChange change, String app) {
        return new String(change.files().get(GpuScheduling.valuesFile(app)).orElseThrow(), StandardCharsets.UTF_8);
    }

    private List<JsonNode> render(String chart, String app, String values, String namespace) throws IOException {
        return VendoredCharts.render(dir, chart, app, values, namespace);
    }

    private static JsonNode podOf(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.get("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " rendered")).at("/spec/template/spec");
    }
}
