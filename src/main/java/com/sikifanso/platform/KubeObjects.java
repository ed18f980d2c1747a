package com.sikifanso.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Typed values handed to fabric8 through JSON, so fabric8's own serialization builds its model. */
final class KubeObjects {
    private KubeObjects() {
    }

    static GenericKubernetesResource generic(KubernetesClient kube, Object value) {
        try {
            return kube.getKubernetesSerialization().unmarshal(Mappers.JSON.writeValueAsString(value),
                    GenericKubernetesResource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a typed Kubernetes object always serialises", e);
        }
    }
}
