package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side apply of the root ApplicationSets, in the mock server's expectations mode (its CRUD
 * mode answers apply patches with 415): the test states the answers and checks the exact requests.
 */
@EnableKubernetesMockClient
class RootApplicationSetsApplyTest {
    static final String BASE = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path repo;

    private void answer(String name, int status) {
        server.expect().patch().withPath(BASE + name + "?fieldManager=sikifanso&force=true").andReturn(status,
                TestInfra.map("apiVersion", "argoproj.io/v1alpha1", "kind", "ApplicationSet", "metadata",
                        TestInfra.map("name", name, "namespace", "argocd"))).once();
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            all.add(server.takeRequest());
        }
        return all;
    }

    @Test
    void eachSetIsOneApplyPatchOwnedBySikifansoWithForce() throws Exception {
        List<ObjectNode> sets = RootApplicationSets.read(TestInfra.repoWithRootSets(repo));
        List.of("root", "catalog", "agents").forEach(n -> answer(n, 200));

        List<String> applied = RootApplicationSets.apply(client, sets);

        assertThat(applied).containsExactly("root", "catalog", "agents");
        List<RecordedRequest> requests = requests();
        assertThat(requests).extracting(r -> r.getMethod() + " " + r.getPath()).containsExactly(
                "PATCH " + BASE + "root?fieldManager=sikifanso&force=true",
                "PATCH " + BASE + "catalog?fieldManager=sikifanso&force=true",
                "PATCH " + BASE + "agents?fieldManager=sikifanso&force=true");
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = requests.get(i);
            assertThat(r.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
            JsonNode body = Mappers.YAML.readTree(r.getBody().readUtf8());
            assertThat(body).as("the whole manifest from the repo, nothing else").isEqualTo(sets.get(i));
        }
    }

    @Test
    void aRejectedApplyNamesTheSetAndTheStatus() {
        List<ObjectNode> sets = RootApplicationSets.read(TestInfra.repoWithRootSets(repo));
        answer("root", 200);
        answer("catalog", 422);

        assertThatThrownBy(() -> RootApplicationSets.apply(client, sets)).isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("server-side apply of ApplicationSet catalog failed: HTTP 422");
    }
}
