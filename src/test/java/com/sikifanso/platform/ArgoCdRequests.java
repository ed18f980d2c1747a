package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the tool left in fabric8's mock API server for Argo CD: its repository Secret and the sets it applied. */
public final class ArgoCdRequests {
    public static final String SETS = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/";

    private ArgoCdRequests() {
    }

    /** The repository Secret's data, decoded; null when there is none. */
    public static Map<String, String> repositorySecret(KubernetesClient client) {
        Secret secret = client.secrets().inNamespace("argocd").withName(ArgoCdGitSource.REPOSITORY_SECRET).get();
        if (secret == null) {
            return null;
        }
        Map<String, String> data = new HashMap<>();
        secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v),
                StandardCharsets.UTF_8)));
        return data;
    }

    /** The bodies of the ApplicationSets' server-side applies the server received, in order. */
    public static List<JsonNode> appliedSets(KubernetesMockServer server) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest();
            if (r.getMethod().equals("PATCH") && r.getPath().startsWith(SETS)) {
                bodies.add(Mappers.YAML.readTree(r.getBody().readUtf8()));
            }
        }
        return bodies;
    }
}
