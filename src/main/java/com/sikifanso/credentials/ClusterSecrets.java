package com.sikifanso.credentials;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** The generated Secrets as the cluster holds them, labelled as sikifanso's. */
final class ClusterSecrets {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String SIKIFANSO = "sikifanso";
    static final String APP_LABEL = "sikifanso.io/app";

    private final KubernetesClient kube;

    ClusterSecrets(KubernetesClient kube) {
        this.kube = kube;
    }

    /** Creates the Secret (and its namespace) unless it exists; never overwrites. True when created. */
    boolean createIfAbsent(String namespace, String app, String name, String type, Map<String, String> values) {
        ensureNamespace(namespace);
        if (kube.secrets().inNamespace(namespace).withName(name).get() != null) {
            return false;
        }
        try {
            kube.secrets().inNamespace(namespace).resource(secret(namespace, app, name, type, values)).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** Writes the Secret with exactly these values, replacing what it held (rotation). */
    void replace(String namespace, String app, String name, String type, Map<String, String> values) {
        ensureNamespace(namespace);
        Secret wanted = secret(namespace, app, name, type, values);
        Secret live = kube.secrets().inNamespace(namespace).withName(name).get();
        if (live == null) {
            kube.secrets().inNamespace(namespace).resource(wanted).create();
        } else {
            live.setData(wanted.getData());
            live.setStringData(null);
            live.getMetadata().setLabels(wanted.getMetadata().getLabels());
            kube.secrets().inNamespace(namespace).resource(live).update();
        }
    }

    /** The Secret's decoded values, or null when it does not exist. */
    Map<String, String> read(String namespace, String name) {
        Secret secret = kube.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            return null;
        }
        Map<String, String> values = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k,
                    new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        return values;
    }

    private void ensureNamespace(String namespace) {
        if (kube.namespaces().withName(namespace).get() != null) {
            return;
        }
        try {
            kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }

    private static Secret secret(String namespace, String app, String name, String type, Map<String, String> values) {
        Map<String, String> data = new TreeMap<>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(MANAGED_BY, SIKIFANSO).addToLabels(APP_LABEL, app).endMetadata()
                .withType(type).withData(data).build();
    }
}
