package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.Scaffolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded catalog template: no literal credential in any values file, and every Secret the
 * values point a chart at is one the entry declares, with the keys the chart reads. The value paths
 * below are the charts' existing-secret settings at the pinned versions (see docs/credentials.md
 * for the files and tags they were read from); the charts themselves cannot be fetched here to
 * render them with Helm.
 */
class CatalogCredentialsTest {

    /** A reference in a values file: the path naming the Secret, and the paths naming keys in it (or fixed keys). */
    private record Reference(String app, String secretPath, List<String> keyPaths, List<String> fixedKeys) {
    }

    private static final List<Reference> CHART_REFERENCES = List.of(
            // CloudNativePG cluster chart 0.6.0: cluster.superuserSecret; the operator reads username/password.
            new Reference("postgresql", "cluster.superuserSecret", List.of(), List.of("username", "password")),
            new Reference("postgresql", "cluster.roles[0].passwordSecret.name", List.of(),
                    List.of("username", "password")),
            // valkey-helm 0.9.4: auth.usersExistingSecret, key aclUsers.default.passwordKey.
            new Reference("valkey", "auth.usersExistingSecret", List.of("auth.aclUsers.default.passwordKey"),
                    List.of()),
            // langfuse chart 1.5.23.
            new Reference("langfuse", "langfuse.salt.secretKeyRef.name", List.of("langfuse.salt.secretKeyRef.key"),
                    List.of()),
            new Reference("langfuse", "langfuse.encryptionKey.secretKeyRef.name",
                    List.of("langfuse.encryptionKey.secretKeyRef.key"), List.of()),
            new Reference("langfuse", "langfuse.nextauth.secret.secretKeyRef.name",
                    List.of("langfuse.nextauth.secret.secretKeyRef.key"), List.of()),
            new Reference("langfuse", "postgresql.auth.existingSecret",
                    List.of("postgresql.auth.secretKeys.userPasswordKey"), List.of()),
            new Reference("langfuse", "redis.auth.existingSecret", List.of("redis.auth.existingSecretPasswordKey"),
                    List.of()),
            new Reference("langfuse", "clickhouse.auth.existingSecret", List.of("clickhouse.auth.existingSecretKey"),
                    List.of()),
            new Reference("langfuse", "s3.auth.existingSecret",
                    List.of("s3.auth.rootUserSecretKey", "s3.auth.rootPasswordSecretKey"), List.of()),
            // temporal chart 0.73.2: sql.existingSecret, key "password" when no secretKey is set.
            new Reference("temporal", "server.config.persistence.default.sql.existingSecret", List.of(),
                    List.of("password")),
            new Reference("temporal", "server.config.persistence.visibility.sql.existingSecret", List.of(),
                    List.of("password")),
            // kube-prometheus-stack 82.18.0: grafana.admin.existingSecret/userKey/passwordKey.
            new Reference("prometheus-stack", "grafana.admin.existingSecret",
                    List.of("grafana.admin.userKey", "grafana.admin.passwordKey"), List.of()),
            // LiteLLM chart (RichardoC/litellm_helm-chart, tag litellm-0.0.4, templates/deployment.yaml and
            // hooks/migration.yaml): each envFromSecretRefs entry is an envFrom secretRef of the proxy and of its
            // migration job; master_key reads os.environ/LITELLM_MASTER_KEY, LiteLLM's langfuse callback
            // LANGFUSE_PUBLIC_KEY/LANGFUSE_SECRET_KEY, and the proxy and prisma migration DATABASE_URL.
            new Reference("litellm-proxy", "envFromSecretRefs[0]", List.of(), List.of("LITELLM_MASTER_KEY")),
            new Reference("litellm-proxy", "envFromSecretRefs[1]", List.of(),
                    List.of("LANGFUSE_PUBLIC_KEY", "LANGFUSE_SECRET_KEY")),
            new Reference("litellm-proxy", "envFromSecretRefs[2]", List.of(), List.of("DATABASE_URL")),
            new Reference("postgresql", "cluster.roles[1].passwordSecret.name", List.of(),
                    List.of("username", "password")));

    @TempDir
    Path dir;

    private static String template(String path) {
        return Scaffolder.embeddedFile(path).orElseThrow(() -> new AssertionError("template has no " + path));
    }

    private static List<String> valuesFiles() throws IOException {
        return Scaffolder.embeddedFiles().stream().filter(f -> f.startsWith("catalog/values/")).toList();
    }

    @Test
    void noTemplateValuesFileHoldsALiteralCredential() throws IOException {
        List<String> files = valuesFiles();
        assertThat(files).hasSizeGreaterThan(15);
        List<CredentialLint.Finding> findings = new ArrayList<>();
        for (String file : files) {
            findings.addAll(CredentialLint.check(file, template(file)));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void theLintFindsEveryKindOfLiteralTheOldTemplateShipped() {
        // Copied from the catalog values before credentials were generated.
        Map<String, String> old = Map.of(
                "litellm", "proxy_config:\n  general_settings:\n    master_key: sk-sikifanso-local\n"
                        + "env:\n  LANGFUSE_SECRET_KEY: sk-lf-local\n",
                "postgres", "cluster:\n  initdb:\n    postInitSQL:\n      - ALTER USER postgres PASSWORD 'changeme'\n",
                "valkey", "auth:\n  aclUsers:\n    default:\n      password: changeme\n",
                "langfuse-salt", "langfuse:\n  salt:\n    value: sikifanso-local-salt-change-me-before-prod\n",
                "langfuse-env", "langfuse:\n  additionalEnv:\n    - name: LANGFUSE_INIT_USER_PASSWORD\n"
                        + "      value: hunter2\n",
                "temporal", "server:\n  config:\n    persistence:\n      default:\n        sql:\n"
                        + "          password: temporal\n",
                "grafana", "grafana:\n  adminPassword: changeme\n",
                "minio", "s3:\n  auth:\n    rootPassword: notchangeme2\n");
        old.forEach((name, yaml) -> assertThat(CredentialLint.check(name, yaml)).as(name).isNotEmpty());
    }

    @Test
    void secretNamesKeyNamesAndEnvironmentReferencesAreNotCredentials() {
        String references = """
                auth:
                  existingSecret: langfuse-credentials
                  existingSecretPasswordKey: password
                  rootPasswordSecretKey: s3-password
                  usersExistingSecret: valkey-credentials
                  passwordKey: password
                  password: ""
                cluster:
                  superuserSecret: postgresql-superuser
                general_settings:
                  master_key: os.environ/LITELLM_MASTER_KEY
                """;
        assertThat(CredentialLint.check("references", references)).isEmpty();
    }

    @Test
    void everySecretTheValuesPointAChartAtIsDeclaredWithTheKeysTheChartReads() throws IOException {
        Catalog catalog = templateCatalog();
        for (Reference ref : CHART_REFERENCES) {
            JsonNode values = Mappers.YAML.readTree(template("catalog/values/" + ref.app() + ".yaml"));
            String secret = at(values, ref.secretPath());
            CredentialSpec spec = catalog.get(ref.app()).credentials().stream()
                    .filter(s -> s.secret().equals(secret)).findFirst()
                    .orElseThrow(() -> new AssertionError(ref.app() + " values name Secret " + secret
                            + " at " + ref.secretPath() + ", which catalog/" + ref.app() + ".yaml does not declare"));
            Set<String> keys = spec.isCopy() ? spec.copyFrom().keys().keySet() : spec.data().keySet();
            List<String> wanted = new ArrayList<>(ref.fixedKeys());
            ref.keyPaths().forEach(p -> wanted.add(at(values, p)));
            assertThat(keys).as(ref.app() + " " + secret).containsAll(wanted);
        }
    }

    @Test
    void envReferencesInLangfuseValuesNameDeclaredKeys() throws IOException {
        Catalog catalog = templateCatalog();
        JsonNode env = Mappers.YAML.readTree(template("catalog/values/langfuse.yaml")).at("/langfuse/additionalEnv");
        Set<String> declared = catalog.get("langfuse").credentials().getFirst().data().keySet();
        int references = 0;
        for (JsonNode e : env) {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertThat(ref.get("name").asText()).isEqualTo("langfuse-credentials");
                assertThat(declared).contains(ref.get("key").asText());
                references++;
            }
        }
        assertThat(references).isEqualTo(4);
    }

    @Test
    void everyCopyNamesAProducerTheConsumerDependsOnAndKeysItDeclares() throws IOException {
        Catalog catalog = templateCatalog();
        int copies = 0;
        for (CatalogEntry entry : catalog.entries()) {
            for (CredentialSpec spec : entry.credentials()) {
                if (!spec.isCopy()) {
                    assertThat(spec.data()).as(entry.name() + " " + spec.secret()).isNotEmpty();
                    assertThat(spec.data().values()).as("a generated value")
                            .anyMatch(v -> CredentialSpec.PLACEHOLDERS.stream().anyMatch(v::contains));
                    continue;
                }
                copies++;
                CredentialSpec.Copy copy = spec.copyFrom();
                assertThat(catalog.dependencies().resolve(List.of(entry.name())).ordered())
                        .as(entry.name() + " depends on " + copy.app()).contains(copy.app());
                CredentialSpec source = catalog.get(copy.app()).credentials().stream()
                        .filter(s -> s.secret().equals(copy.secret())).findFirst().orElseThrow();
                copy.keys().values().forEach(v -> assertThat(source.data().keySet())
                        .containsAll(CredentialSpec.Copy.sourceKeys(v)));
            }
        }
        assertThat(copies).isEqualTo(6);
    }

    private Catalog templateCatalog() throws IOException {
        for (String file : Scaffolder.embeddedFiles()) {
            if (file.startsWith("catalog/") && file.endsWith(".yaml")) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, template(file));
            }
        }
        return Catalog.load(dir);
    }

    /** The scalar at a dotted path with [i] indexes, e.g. {@code cluster.roles[0].passwordSecret.name}. */
    private static String at(JsonNode root, String path) {
        String pointer = "/" + path.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1");
        JsonNode node = root.at(pointer);
        assertThat(node.isTextual()).as(path + " is set").isTrue();
        return node.asText();
    }
}
