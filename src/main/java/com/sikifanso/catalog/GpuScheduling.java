package com.sikifanso.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.RepoChange;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;

/**
 * What a cluster whose nodes have GPUs changes in its GitOps repo: the NVIDIA device plugin (which offers the GPUs to
 * pods as {@code nvidia.com/gpu}) and, for each catalog app whose chart can ask for a GPU, the values that do. Every
 * such pod runs with k3s' RuntimeClass {@code nvidia} (k3s manifests/runtimes.yaml), as k3d's CUDA guide says it must.
 * <ul>
 * <li>Ollama's chart (otwld/ollama-helm 1.56.0, values.yaml and templates/deployment.yaml) adds
 * {@code limits: nvidia.com/gpu: ollama.gpu.number} when {@code ollama.gpu.enabled} with {@code type: nvidia}.</li>
 * <li>vLLM's chart (vllm-project/production-stack vllm-stack 0.1.12, templates/_helpers.tpl chart.resources and
 * deployment-vllm-multi.yaml) requests and limits {@code requestGPUType: requestGPU} of each modelSpec entry, passes
 * {@code vllmConfig.tensorParallelSize} as {@code --tensor-parallel-size}, and takes a modelSpec's runtimeClassName over
 * servingEngineSpec.runtimeClassName.</li>
 * </ul>
 * The values are written at create, whether the app is enabled or not, so enabling it later needs nothing more.
 */
public final class GpuScheduling {
    public static final String DEVICE_PLUGIN = "nvidia-device-plugin";
    public static final String RESOURCE = "nvidia.com/gpu";
    /** k3s' RuntimeClass for the NVIDIA container runtime. */
    public static final String RUNTIME_CLASS = "nvidia";
    /** Apps whose image cannot run without a GPU (vLLM's CUDA build); Ollama falls back to the CPU. */
    public static final List<String> NEED_A_GPU = List.of("vllm");

    /** A catalog app whose values can ask for GPUs: which settings, and how. */
    private record GpuValues(String app, String settings, ObjIntConsumer<ObjectNode> askFor) {
        String file() {
            return valuesFile(app);
        }
    }

    private static final List<GpuValues> APPS = List.of(
            new GpuValues("ollama", "ollama.gpu and runtimeClassName", (values, gpus) -> {
                ObjectNode gpu = values.withObject("/ollama").withObject("/gpu");
                gpu.put("enabled", true);
                gpu.put("type", "nvidia");
                gpu.put("number", gpus);
                values.put("runtimeClassName", RUNTIME_CLASS);
            }),
            new GpuValues("vllm", "requestGPU, requestGPUType and vllmConfig.tensorParallelSize of each modelSpec, "
                    + "runtimeClassName",
                    (values, gpus) -> {
                        ObjectNode engine = values.withObject("/servingEngineSpec");
                        engine.put("runtimeClassName", RUNTIME_CLASS);
                        for (JsonNode model : engine.path("modelSpec")) {
                            if (model instanceof ObjectNode m) {
                                m.put("requestGPU", gpus);
                                m.put("requestGPUType", RESOURCE);
                                // vLLM uses the GPUs it holds only by sharding the model over them.
                                m.withObject("/vllmConfig").put("tensorParallelSize", gpus);
                                if (m.has("runtimeClassName")) {
                                    m.put("runtimeClassName", RUNTIME_CLASS);
                                }
                            }
                        }
                    }));

    private GpuScheduling() {
    }

    /** The catalog apps whose values {@link #onGpus} can change, in the order a create writes them. */
    public static List<String> apps() {
        return APPS.stream().map(GpuValues::app).toList();
    }

    public static String valuesFile(String app) {
        return "catalog/values/" + app + ".yaml";
    }

    /**
     * The app's values asking for {@code gpusPerPod} GPUs, the rest of its values file as it was (its leading comment
     * kept; Jackson keeps no other comments).
     */
    public static RepoChange onGpus(String app, String currentValues, int gpusPerPod) {
        GpuValues gpuValues = APPS.stream().filter(a -> a.app().equals(app)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(app + " has no GPU values"));
        ObjectNode values = parse(gpuValues.file(), currentValues);
        gpuValues.askFor().accept(values, gpusPerPod);
        String header = currentValues.lines().takeWhile(l -> l.startsWith("#"))
                .map(l -> l + "\n").collect(Collectors.joining());
        return new RepoChange("catalog: " + app + " asks for " + gpusPerPod + " " + RESOURCE + " (the cluster has GPUs)")
                .write(gpuValues.file(), header + "# GPU settings from sikifanso cluster create --gpus: "
                        + gpuValues.settings() + ".\n" + yaml(values));
    }

    private static ObjectNode parse(String file, String text) {
        try {
            JsonNode tree = Mappers.YAML.readTree(text);
            return tree instanceof ObjectNode o ? o : Mappers.YAML.createObjectNode();
        } catch (JsonProcessingException e) {
            throw SikifansoException.failure(file + " is not valid YAML: " + e.getOriginalMessage(),
                    "fix it and commit, then create the cluster again");
        }
    }

    private static String yaml(JsonNode tree) {
        try {
            return Mappers.YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree always serialises", e);
        }
    }
}
