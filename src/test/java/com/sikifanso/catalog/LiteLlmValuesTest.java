package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.Scaffolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The litellm-proxy entry's values as the pinned chart reads them (RichardoC/litellm_helm-chart, tag litellm-0.0.4,
 * appVersion v1.75.5-stable): templates/deployment.yaml and hooks/migration.yaml turn each {@code envFromSecretRefs}
 * entry into an envFrom secretRef of the proxy and of its Prisma migration job (a pre-install/pre-upgrade hook, only
 * when {@code hooks.migration.enabled}); templates/environment.yaml puts {@code env} in a ConfigMap read the same way;
 * templates/config.yaml writes {@code proxy_config} as the proxy's config.yaml. These are the values asserted on the
 * keys it reads; UpstreamChartsRenderTest renders them through the chart, vendored under src/test/resources/charts.
 */
class LiteLlmValuesTest {

    private static JsonNode yaml(String path) throws IOException {
        return Mappers.YAML.readTree(Scaffolder.embeddedFile(path).orElseThrow());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theProxyReadsItsMasterKeyLangfuseKeysAndDatabaseUrlFromTheSecretsItsEntryDeclares() throws IOException {
        JsonNode values = yaml("catalog/values/litellm-proxy.yaml");
        CatalogEntry entry = Mappers.YAML.treeToValue(yaml("catalog/litellm-proxy.yaml"), CatalogEntry.class);

        assertThat(values.has("environmentSecrets")).as("not a key of the pinned chart").isFalse();
        assertThat(texts(values.get("envFromSecretRefs"))).containsExactlyElementsOf(
                entry.credentials().stream().map(CredentialSpec::secret).toList());
        assertThat(values.at("/proxy_config/general_settings/master_key").asText())
                .isEqualTo("os.environ/LITELLM_MASTER_KEY");
    }

    @Test
    void virtualKeysHaveADatabaseThatTheMigrationJobPreparesInThePostgresqlEntry() throws IOException {
        JsonNode values = yaml("catalog/values/litellm-proxy.yaml");
        CatalogEntry entry = Mappers.YAML.treeToValue(yaml("catalog/litellm-proxy.yaml"), CatalogEntry.class);
        JsonNode postgresql = yaml("catalog/values/postgresql.yaml");

        assertThat(values.at("/hooks/migration/enabled").asBoolean()).isTrue();
        assertThat(entry.dependsOn()).contains("postgresql");
        CredentialSpec.Copy copy = entry.credentials().stream().filter(CredentialSpec::isCopy)
                .map(CredentialSpec::copyFrom).filter(c -> c.app().equals("postgresql")).findFirst().orElseThrow();
        String url = copy.keys().get("DATABASE_URL");
        assertThat(url).isEqualTo("postgresql://litellm:{password}@postgresql-rw.storage.svc.cluster.local:5432/litellm");

        JsonNode role = null;
        for (JsonNode r : postgresql.at("/cluster/roles")) {
            role = r.get("name").asText().equals("litellm") ? r : role;
        }
        assertThat(role).as("managed role litellm").isNotNull();
        assertThat(role.at("/passwordSecret/name").asText()).isEqualTo(copy.secret());
        assertThat(texts(postgresql.at("/cluster/initdb/postInitSQL")))
                .contains("CREATE ROLE litellm LOGIN", "CREATE DATABASE litellm OWNER litellm");
    }

    @Test
    void everyCallIsTracedToTheInClusterLangfuseWithTheCopiedProjectKeys() throws IOException {
        JsonNode values = yaml("catalog/values/litellm-proxy.yaml");
        JsonNode langfuse = yaml("catalog/langfuse.yaml");

        JsonNode settings = values.at("/proxy_config/litellm_settings");
        assertThat(texts(settings.get("success_callback"))).containsExactly("langfuse");
        assertThat(texts(settings.get("failure_callback"))).containsExactly("langfuse");
        // LiteLLM's Langfuse logger reads LANGFUSE_HOST, LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY from the environment.
        assertThat(values.at("/env/LANGFUSE_HOST").asText()).isEqualTo("http://langfuse."
                + langfuse.get("namespace").asText() + ".svc.cluster.local:3000");
        CatalogEntry entry = Mappers.YAML.treeToValue(yaml("catalog/litellm-proxy.yaml"), CatalogEntry.class);
        CredentialSpec keys = entry.credentials().stream().filter(s -> s.secret().equals("litellm-proxy-langfuse"))
                .findFirst().orElseThrow();
        assertThat(keys.copyFrom().app()).isEqualTo("langfuse");
        assertThat(keys.copyFrom().keys()).containsOnlyKeys("LANGFUSE_PUBLIC_KEY", "LANGFUSE_SECRET_KEY");
        assertThat(entry.dependsOn()).contains("langfuse");
    }
}
