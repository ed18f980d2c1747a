package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.InfraConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No install or upgrade of the platform carries a secret written in the values: Argo CD's token
 * signing key in particular must be the random one argocd-server generates when argocd-secret has
 * none (argo-cd v3.4.5 util/settings/settings.go: "Initialized server signature"). The chart copies
 * configs.secret.extra into argocd-secret verbatim (argo-helm charts/argo-cd argocd-secret.yaml).
 */
class PlatformSecretsTest {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|token|apikey|api_key|privatekey|secretkey|salt).*");
    private final InfraConfig infra = TestInfra.withNodePorts(31082, 31083, 31080, 31081);

    @Test
    void argoCdIsInstalledWithoutAFixedTokenSigningKey() {
        JsonNode values = HelmValues.argocd(infra);

        assertThat(values.at("/configs/secret/extra").path(HelmValues.SERVER_SECRET_KEY).isMissingNode()).isTrue();
        assertThat(values.at("/configs/secret/createSecret").asBoolean()).isTrue();
    }

    @Test
    void anOverrideThatFixesTheSigningKeyIsRefusedWithTheFix() {
        InfraConfig overridden = TestInfra.withValues(TestInfra.yaml("{}"),
                TestInfra.yaml("configs: {secret: {extra: {server.secretkey: sikifanso}}}"));

        assertThatThrownBy(() -> HelmValues.argocd(overridden))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("the Argo CD values set configs.secret.extra.server.secretkey, a fixed key that lets "
                        + "anyone who knows it forge Argo CD login tokens")
                .satisfies(e -> assertThat(((SikifansoException) e).hint())
                        .startsWith("remove it from infra/argocd-values.yaml"));
    }

    @Test
    void otherOverridesOfArgoCdsSecretStillMerge() {
        InfraConfig overridden = TestInfra.withValues(TestInfra.yaml("{}"),
                TestInfra.yaml("configs: {secret: {extra: {webhook.custom: from-a-sealed-source}}}"));

        assertThat(HelmValues.argocd(overridden).at("/configs/secret/extra/webhook.custom").asText())
                .isEqualTo("from-a-sealed-source");
    }

    @Test
    void neitherPlatformChartIsGivenAFixedSecret() {
        List<String> found = new ArrayList<>();
        collectSecrets(HelmValues.argocd(infra), "argocd", found);
        collectSecrets(HelmValues.cilium(infra, TestInfra.SERVER_IP), "cilium", found);

        assertThat(found).as("values whose key names a secret and which hold a literal").isEmpty();
    }

    /** Keys named like a secret holding a non-empty scalar; a boolean switch (createSecret: true) is not one. */
    private static void collectSecrets(JsonNode node, String path, List<String> found) {
        node.fields().forEachRemaining(e -> {
            String at = path + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                collectSecrets(v, at, found);
            } else if (v.isTextual() && !v.asText().isBlank() && SECRET_NAME.matcher(e.getKey()).matches()) {
                found.add(at);
            }
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSecrets(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
