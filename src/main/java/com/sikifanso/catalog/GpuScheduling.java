package com.sikifanso.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.RepoChange;
import java.util.stream.Collectors;

/**
 * What a cluster whose nodes have GPUs changes in its GitOps repo: the NVIDIA device plugin (which offers the GPUs to
 * pods as {@code nvidia.com/gpu}) and, for each catalog app whose chart can ask for a GPU, the values that do.
 * Ollama's chart (otwld/ollama-helm 1.56.0, values.yaml and templates/deployment.yaml) adds
 * {@code limits: nvidia.com/gpu: ollama.gpu.number} when {@code ollama.gpu.enabled} with {@code type: nvidia}; its pod
 * runs with k3s' RuntimeClass {@code nvidia} (k3s manifests/runtimes.yaml), as k3d's CUDA guide says every GPU pod must.
 * The catalog has no vLLM entry yet; one would get its values here.
 */
public final class GpuScheduling {
    public static final String DEVICE_PLUGIN = "nvidia-device-plugin";
    public static final String RESOURCE = "nvidia.com/gpu";
    /** k3s' RuntimeClass for the NVIDIA container runtime. */
    public static final String RUNTIME_CLASS = "nvidia";
    public static final String OLLAMA_VALUES = "catalog/values/ollama.yaml";

    private GpuScheduling() {
    }

    /**
     * Ollama's values asking for {@code gpusPerPod} GPUs, the rest of its values file as it was (its leading comment
     * kept; Jackson keeps no other comments).
     */
    public static RepoChange ollamaOnGpus(String currentValues, int gpusPerPod) {
        ObjectNode values = parse(currentValues);
        ObjectNode gpu = values.withObject("/ollama").withObject("/gpu");
        gpu.put("enabled", true);
        gpu.put("type", "nvidia");
        gpu.put("number", gpusPerPod);
        values.put("runtimeClassName", RUNTIME_CLASS);
        String header = currentValues.lines().takeWhile(l -> l.startsWith("#"))
                .map(l -> l + "\n").collect(Collectors.joining());
        return new RepoChange("catalog: ollama asks for " + gpusPerPod + " " + RESOURCE + " (the cluster has GPUs)")
                .write(OLLAMA_VALUES, header + "# GPU settings from sikifanso cluster create --gpus: ollama.gpu and "
                        + "runtimeClassName.\n" + yaml(values));
    }

    private static ObjectNode parse(String text) {
        try {
            JsonNode tree = Mappers.YAML.readTree(text);
            return tree instanceof ObjectNode o ? o : Mappers.YAML.createObjectNode();
        } catch (JsonProcessingException e) {
            throw SikifansoException.failure(OLLAMA_VALUES + " is not valid YAML: " + e.getOriginalMessage(),
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
