package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.sikifanso.Services;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.clusterfile.LockDrift;
import com.sikifanso.clusterfile.LockFile;
import com.sikifanso.clusterfile.LockFileParser;
import com.sikifanso.clusterfile.LockFiles;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.share.SharedDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cluster lock, create --from-lock and diff-lock on real GitOps repos (--gitops-only, no Docker: the nodes' half is
 * LockDockerTest's, the images' LockImagesTest's). The locked cluster is made from a cluster file and then edited by
 * hand and committed, as a person edits a GitOps repo, so the lock must read what is committed.
 */
class LockOpsTest {
    private static final String ORIGIN = """
            apiVersion: sikifanso.io/v1alpha1
            kind: Cluster
            metadata:
              name: origin
            profiles: [agent-minimal]
            apps: [qdrant]
            customApps:
              - {name: podinfo, repo: https://stefanprodan.github.io/podinfo, chart: podinfo, version: 6.10.1,
                 namespace: podinfo, values: {ui: {message: hello}, replicaCount: 2}}
            agents:
              - name: researcher
                allow: [qdrant]
                memoryLimit: 2Gi
            infra:
              cilium:
                targetRevision: "1.19.5"
            """;
    private static final String NOT_RECORDED = "not recorded: cluster origin was not-created, no pods to ask";

    @TempDir
    Path home;

    private Services services;
    private Path origin;

    @BeforeEach
    void anEditedCluster() throws Exception {
        services = NoDockerServices.on(home);
        call(ClusterOps.CLUSTER_CREATE, create("origin", Files.writeString(home.resolve("origin.yaml"), ORIGIN), null));
        origin = home.resolve("clusters/origin/gitops");
        commit(origin, "a person pins qdrant and raises its replicas",
                "catalog/qdrant.yaml", read(origin, "catalog/qdrant.yaml").replace("\"1.17.1\"", "\"1.17.0\""),
                "catalog/values/qdrant.yaml", read(origin, "catalog/values/qdrant.yaml")
                        .replace("replicaCount: 1", "replicaCount: 2"));
    }

    @Test
    void aLockRecordsTheCommittedRepoSortedWithDigestsAndTheSchemaForEditors() throws Exception {
        Path file = home.resolve("origin.lock");
        LockOps.LockWritten written = call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));
        LockFile lock = LockFileParser.read(file);

        assertThat(lock).isEqualTo(written.lock());
        assertThat(lock.metadata()).isEqualTo(new LockFile.Metadata("origin", head(origin), "sikifanso test",
                NOT_RECORDED));
        assertThat(lock.platform()).isEqualTo(new LockFile.Platform("rancher/k3s:v1.36.3-k3s1",
                com.sikifanso.infra.Cni.cilium, new LockFile.Chart("https://helm.cilium.io/", "cilium", "1.19.5"),
                new LockFile.Chart("https://argoproj.github.io/argo-helm", "argo-cd", "10.2.1")));
        assertThat(lock.profiles()).containsExactly("agent-minimal");
        assertThat(lock.apps()).as("the profile's apps, their dependencies and qdrant").extracting(LockFile.App::name)
                .containsExactly("cnpg-operator", "langfuse", "litellm-proxy", "ollama", "postgresql",
                        "prometheus-stack", "qdrant", "valkey");
        LockFile.App qdrant = lock.apps().get(6);
        assertThat(qdrant).extracting(LockFile.App::repo, LockFile.App::chart, LockFile.App::version,
                LockFile.App::namespace).containsExactly("https://qdrant.github.io/qdrant-helm", "qdrant", "1.17.0",
                "rag");
        assertThat(qdrant.valuesDigest()).isEqualTo(digestOf(origin, "catalog/values/qdrant.yaml"));
        assertThat(qdrant.values().get("replicaCount").asInt()).isEqualTo(2);
        assertThat(fieldNames(qdrant.values())).as("keys sorted").isSorted();
        LockFile.App podinfo = lock.customApps().get(0);
        assertThat(podinfo.values()).isEqualTo(Mappers.YAML.readTree("replicaCount: 2\nui: {message: hello}\n"));
        assertThat(fieldNames(podinfo.values())).containsExactly("replicaCount", "ui");
        assertThat(lock.agents()).singleElement().satisfies(a -> {
            assertThat(a.digest()).isEqualTo(digestOf(origin, "agents/values/researcher.yaml"));
            assertThat(a.definition().allow()).containsExactly("qdrant");
            assertThat(a.definition().memoryLimit()).isEqualTo("2Gi");
        });

        String text = Files.readString(file);
        assertThat(text).startsWith("# sikifanso.lock: what cluster origin runs (sikifanso cluster lock)");
        assertThat(text).contains("\n# yaml-language-server: $schema=https://raw.githubusercontent.com/alicanalbayrak/"
                + "sikifanso/main/src/main/resources/clusterfile/lock-v1alpha1.schema.json\napiVersion:");
        try (InputStream schema = LockFiles.class.getResourceAsStream(LockFiles.SCHEMA_RESOURCE)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                    .validate(Mappers.YAML.readTree(text))).isEmpty();
        }
        assertThat(written.file()).isEqualTo(file.toString());
    }

    @Test
    void aLockIsTheSameBytesAgainAndLeavesAnUncommittedEditOut() throws Exception {
        Path first = home.resolve("first.lock");
        Path second = home.resolve("second.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", first));
        Files.writeString(origin.resolve("catalog/values/qdrant.yaml"), "replicaCount: 5\n");

        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", second));

        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void createFromLockReproducesTheClusterAndDiffLockFindsNoDrift() throws Exception {
        Path file = home.resolve("origin.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));

        call(ClusterOps.CLUSTER_CREATE, fromLock("copy", file));

        Path copy = home.resolve("clusters/copy/gitops");
        assertThat(Catalog.load(copy).get("qdrant").targetRevision()).isEqualTo("1.17.0");
        assertThat(Mappers.YAML.readTree(copy.resolve("infra/cilium.yaml").toFile()))
                .isEqualTo(Mappers.YAML.readTree("targetRevision: \"1.19.5\"\n"));
        assertThat(copy.resolve("infra/argocd.yaml")).as("argocd is at this sikifanso's default").doesNotExist();
        LockFile copied = call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("copy", home.resolve("copy.lock"))).lock();
        assertThat(LockDrift.between(LockFileParser.read(file), copied)).isEmpty();

        LockOps.DriftReport report = call(LockOps.CLUSTER_DIFF_LOCK, new LockOps.LockInput("copy", file));

        assertThat(report.drifted()).isFalse();
        assertThat(LockOps.CLUSTER_DIFF_LOCK.render(report)).isEqualTo("No drift: cluster copy matches " + file
                + " (locked at commit " + CommitId.shortOf(head(origin)) + ", now " + CommitId.shortOf(head(copy))
                + ").\nImages not compared: the lock has none (" + NOT_RECORDED + ").\n");
    }

    @Test
    void diffLockNamesEachDriftAndExitsOneAsDiffDoes() throws Exception {
        Path file = home.resolve("origin.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));
        String langfuseBefore = digestOf(origin, "catalog/values/langfuse.yaml");
        String researcherBefore = digestOf(origin, "agents/values/researcher.yaml");
        String lockedAt = head(origin);
        commit(origin, "drift by hand",
                "catalog/qdrant.yaml", read(origin, "catalog/qdrant.yaml").replace("\"1.17.0\"", "\"1.17.1\""),
                "catalog/opa.yaml", read(origin, "catalog/opa.yaml").replace("enabled: false", "enabled: true"),
                "catalog/values/langfuse.yaml", read(origin, "catalog/values/langfuse.yaml") + "extra: 1\n",
                "agents/values/researcher.yaml", read(origin, "agents/values/researcher.yaml") + "note: drift\n",
                "infra/argocd.yaml", "targetRevision: \"10.2.0\"\n",
                "apps/coordinates/podinfo.yaml", null, "apps/values/podinfo.yaml", null);

        CliRun run = cli("cluster", "diff-lock", "-c", "origin", file.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Cluster origin has drifted from " + file + " (locked at commit "
                + CommitId.shortOf(lockedAt) + ", now " + CommitId.shortOf(head(origin)) + "):\n"
                + "  platform argocd: version 10.2.1 -> 10.2.0\n"
                + "  app langfuse: values " + langfuseBefore.substring(0, 19) + " -> "
                + digestOf(origin, "catalog/values/langfuse.yaml").substring(0, 19) + "\n"
                + "  app opa: added (opa-kube-mgmt 10.0.0)\n"
                + "  app qdrant: version 1.17.0 -> 1.17.1\n"
                + "  custom app podinfo: removed (was podinfo 6.10.1)\n"
                + "  agent researcher: definition " + researcherBefore.substring(0, 19) + " -> "
                + digestOf(origin, "agents/values/researcher.yaml").substring(0, 19) + "\n"
                + "Images not compared: the lock has none (" + NOT_RECORDED + ").\n");

        CliRun json = cli("-o", "json", "cluster", "diff-lock", "-c", "origin", file.toString());
        assertThat(json.code()).isEqualTo(1);
        JsonNode report = Mappers.JSON.readTree(json.out());
        assertThat(report.get("drifted").asBoolean()).isTrue();
        assertThat(report.get("imagesCompared").asBoolean()).isFalse();
        assertThat(report.get("changes").get(3)).isEqualTo(Mappers.JSON.readTree(
                "{\"what\":\"app\",\"name\":\"qdrant\",\"change\":\"changed\",\"field\":\"version\","
                        + "\"locked\":\"1.17.0\",\"now\":\"1.17.1\"}"));
        assertThat(report.get("changes").get(2)).isEqualTo(Mappers.JSON.readTree(
                "{\"what\":\"app\",\"name\":\"opa\",\"change\":\"added\",\"now\":\"opa-kube-mgmt 10.0.0\"}"));
        assertThat(report.get("changes")).hasSize(6);
    }

    @Test
    void diffLockOfAnUnchangedClusterExitsZero() throws IOException {
        Path file = home.resolve("origin.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));

        CliRun run = cli("cluster", "diff-lock", "-c", "origin", file.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("No drift: cluster origin matches " + file);
    }

    @Test
    void aMissingOrDamagedLockIsRefusedWithItsLineAndExitsTwo() throws IOException {
        Path missing = home.resolve("nope.lock");
        CliRun run = cli("cluster", "diff-lock", "-c", "origin", missing.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Error: no lock file " + missing + "\n  give the path of a lock (sikifanso"
                + " cluster lock -c origin writes sikifanso.lock)\n");

        assertThatThrownBy(() -> LockFileParser.parse("apiVersion: sikifanso.io/v1alpha1\nkind: Lock\napps:\n"
                + "  - name: [qdrant\n", "f.lock")).isInstanceOf(SikifansoException.class)
                .hasMessage("f.lock line 4: not valid YAML: while parsing a flow sequence");
        assertThatThrownBy(() -> LockFileParser.parse("kind: Lock\napiVersion: sikifanso.io/v2\n", "f.lock"))
                .hasMessage("f.lock line 2: apiVersion is \"sikifanso.io/v2\"; this sikifanso reads"
                        + " sikifanso.io/v1alpha1")
                .extracting(e -> ((SikifansoException) e).hint())
                .isEqualTo("upgrade sikifanso to the version that wrote it, or lock the cluster again with this one");
        assertThatThrownBy(() -> LockFileParser.parse(ORIGIN, "origin.yaml"))
                .hasMessage("origin.yaml line 2: kind is \"Cluster\", not Lock");
        assertThatThrownBy(() -> LockFileParser.parse("apiVersion: sikifanso.io/v1alpha1\nkind: Lock\napps:\n"
                + "  - name: qdrant\n    vesion: 1.17.0\n", "f.lock"))
                .hasMessageStartingWith("f.lock line 5: apps[0].vesion is not a field of a lock");
        assertThatThrownBy(() -> LockFileParser.parse("apiVersion: sikifanso.io/v1alpha1\nkind: Lock\napps:\n"
                + "  - name: qdrant\n    valuesDigest: " + SharedDocuments.digest(Map.of()) + "\n", "f.lock"))
                .hasMessage("f.lock line 4: apps[0].version is missing");
    }

    @Test
    void aHandEditedValueIsCaughtByItsDigest() throws IOException {
        Path file = home.resolve("origin.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));
        String text = Files.readString(file);
        assertThat(text).containsOnlyOnce("message: hello");
        Files.writeString(file, text.replace("message: hello", "message: edited"));
        int line = lineOf(Files.readString(file), "    values:", text.indexOf("name: podinfo"));

        assertThatThrownBy(() -> LockFileParser.read(file)).hasMessageStartingWith(file + " line " + line
                + ": customApps[0].values of podinfo do not match valuesDigest sha256:");
    }

    @Test
    void aLockOfAClusterThatDoesNotExistIsRefusedAndWritesNothing() {
        Path file = home.resolve("ghost.lock");
        assertThatThrownBy(() -> call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("ghost", file)))
                .hasMessageStartingWith("no cluster named \"ghost\" (no session at ");
        assertThat(file).doesNotExist();
    }

    @Test
    void aLockWithoutValuesOrWithAnAppTheCatalogLacksMakesNoCluster() throws IOException {
        Path file = home.resolve("origin.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));
        LockFile lock = LockFileParser.read(file);
        Path stripped = home.resolve("stripped.lock");
        Files.writeString(stripped, LockFiles.yaml(withApps(lock, lock.apps().stream().map(a -> new LockFile.App(
                a.name(), a.repo(), a.chart(), a.version(), a.namespace(), a.valuesDigest(), null)).toList())));
        Path unknown = home.resolve("unknown.lock");
        List<LockFile.App> apps = new ArrayList<>(lock.apps());
        apps.add(new LockFile.App("sglang", "https://example.org/charts", "sglang", "0.1.0", "models",
                SharedDocuments.digest(Map.of()), null));
        Files.writeString(unknown, LockFiles.yaml(withApps(lock, apps)));

        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, fromLock("copy", stripped)))
                .hasMessage(stripped + " records only the digest of the values of cnpg-operator, langfuse,"
                        + " litellm-proxy, ollama, postgresql, prometheus-stack, qdrant, valkey, not the values, so it"
                        + " cannot re-create them");
        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, fromLock("copy", unknown)))
                .hasMessage(unknown + " names catalog apps this cluster's GitOps template lacks: sglang");
        assertThat(home.resolve("clusters/copy")).doesNotExist();
        assertThat(LockOps.CLUSTER_DIFF_LOCK.render(call(LockOps.CLUSTER_DIFF_LOCK,
                new LockOps.LockInput("origin", stripped)))).as("a lock without values still compares")
                .startsWith("No drift: cluster origin matches " + stripped);
    }

    @Test
    void aLockEnablingVllmOnNodesMadeWithoutGpusIsRefusedBeforeAnythingIsMade() throws IOException {
        Path file = home.resolve("origin.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));
        LockFile lock = LockFileParser.read(file);
        List<LockFile.App> apps = new ArrayList<>(lock.apps());
        apps.add(new LockFile.App("vllm", "https://vllm-project.github.io/production-stack", "vllm-stack", "0.1.12",
                "vllm", SharedDocuments.digest(Map.of()), null));
        Path gpuLock = home.resolve("gpu.lock");
        Files.writeString(gpuLock, LockFiles.yaml(withApps(lock, apps)));
        // nodes this time (not --gitops-only): the refusal comes before any container or repo
        ClusterOps.ClusterCreateInput withNodes = ClusterOps.ClusterCreateInput.builder("copy").fromLock(gpuLock)
                .build();

        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, withNodes))
                .hasMessage("the lock's apps: vllm needs an NVIDIA GPU, and the nodes would have none")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).startsWith("a lock does not record the "
                        + "machine's GPUs; give the flag: sikifanso cluster create NAME --gpus all"));
        assertThat(home.resolve("clusters/copy")).doesNotExist();
    }

    @Test
    void fromLockTakesNoOtherSourceAndNoDryRun() throws IOException {
        Path file = home.resolve("origin.lock");
        call(LockOps.CLUSTER_LOCK, new LockOps.LockInput("origin", file));

        CliRun withConfig = cli("cluster", "create", "copy", "--from-lock", file.toString(), "--template", "rag-lab",
                "--gitops-only");
        CliRun dryRun = cli("cluster", "create", "copy", "--from-lock", file.toString(), "--dry-run");

        assertThat(withConfig.code()).isEqualTo(2);
        assertThat(withConfig.err()).contains("--from-lock excludes --config, --template and --from-snapshot");
        assertThat(dryRun.code()).isEqualTo(2);
        assertThat(dryRun.err()).contains("--dry-run does not take --from-lock");
        assertThat(home.resolve("clusters/copy")).doesNotExist();
    }

    private static LockFile withApps(LockFile l, List<LockFile.App> apps) {
        return new LockFile(l.apiVersion(), l.kind(), l.metadata(), l.platform(), l.profiles(), apps, l.customApps(),
                l.agents(), l.images());
    }

    private <I extends Record, O extends Record> O call(Operation<I, O> op, I input) {
        return NoDockerServices.invoke(services, op, input);
    }

    private static ClusterOps.ClusterCreateInput create(String name, Path config, Path lock) {
        return ClusterOps.ClusterCreateInput.builder(name).gitopsOnly(true).config(config).fromLock(lock).build();
    }

    private static ClusterOps.ClusterCreateInput fromLock(String name, Path lock) {
        return create(name, null, lock);
    }

    record CliRun(int code, String out, String err) {
    }

    /** The command line in this JVM, on this home, with no Docker and a kubeconfig of its own. */
    private CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(args, Map.of("SIKIFANSO_HOME", home.toString(), "HOME", home.toString(),
                "DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"), "KUBECONFIG",
                home.resolve("kubeconfig").toString()), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Writes (or, for a null content, deletes) each path/content pair and commits them, as a person would. */
    private static void commit(Path repo, String message, String... pathsAndContents) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                Path file = repo.resolve(pathsAndContents[i]);
                if (pathsAndContents[i + 1] == null) {
                    git.rm().addFilepattern(pathsAndContents[i]).call();
                } else {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, pathsAndContents[i + 1]);
                    git.add().addFilepattern(pathsAndContents[i]).call();
                }
            }
            git.commit().setMessage(message).setAuthor("a person", "person@example.org")
                    .setCommitter("a person", "person@example.org").setSign(false).call();
        }
    }

    private static String read(Path repo, String path) throws IOException {
        return Files.readString(repo.resolve(path));
    }

    private static String head(Path repo) throws IOException {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD").getName();
        }
    }

    /** The digest a lock must give a committed values file: sha256 of its canonical JSON. */
    private static String digestOf(Path repo, String path) throws IOException {
        JsonNode tree = Mappers.YAML.readTree(repo.resolve(path).toFile());
        return SharedDocuments.digest(tree == null || tree.isMissingNode() ? Mappers.YAML.createObjectNode() : tree);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int lineOf(String text, String needle, int from) {
        int at = text.indexOf(needle, from);
        return (int) text.substring(0, at).lines().count() + 1;
    }
}
