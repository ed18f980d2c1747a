package com.sikifanso.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sikifanso.core.BuildInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux x86_64 release archive that {@code ./mvnw verify} builds (target/release/), as a user with no Java
 * gets it: extracted with tar into an empty directory and run with no java on PATH and JAVA_HOME unset, so only
 * the runtime inside the archive can run it. Its AOT cache, made before the archive was packed, must still be
 * accepted where the archive was extracted.
 */
class ReleaseArchiveIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The build makes an AOT cache unless told not to, on a runtime of Java 25 or newer (set in extract()). */
    private static boolean aotExpected;

    @TempDir
    static Path tmp;

    static Path archive;
    static Path root;
    static Path state;
    static Path noJavaPath;

    @BeforeAll
    static void extract() throws Exception {
        archive = Path.of(System.getProperty("sikifanso.release.archive", "target/release/missing.tar.gz"));
        assertThat(archive).as("the archive verify builds before this test (-Drelease.skip=true skips both)")
                .isRegularFile();
        Path empty = Files.createDirectories(tmp.resolve("extracted"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", empty.toString())
                .redirectErrorStream(true).start();
        String tarOut = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(tarOut).isZero();
        try (Stream<Path> top = Files.list(empty)) {
            List<Path> entries = top.toList();
            assertThat(entries).as("one top-level folder").hasSize(1);
            root = entries.getFirst();
        }
        assertThat(root.getFileName().toString()).isEqualTo(archive.getFileName().toString().replace(".tar.gz", ""))
                .endsWith("-linux-x86_64");
        String release = Files.readString(root.resolve("runtime/release"));
        int major = Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1"));
        aotExpected = major >= 25 && !Boolean.getBoolean("sikifanso.aot.skip");
        state = tmp.resolve("state");
        // The shebang finds bash through PATH; nothing else is on it, so no java anywhere on PATH.
        noJavaPath = Files.createDirectories(tmp.resolve("path"));
        Files.createSymbolicLink(noJavaPath.resolve("bash"), Path.of("/bin/bash"));
    }

    @Test
    void theArchiveCarriesItsRuntimeOnlyItsOwnNativeHelmJarLicensesAndSbom() throws IOException {
        assertThat(root.resolve("bin/sikifanso")).isExecutable();
        assertThat(root.resolve("runtime/bin/java")).isExecutable();
        assertThat(root.resolve("LICENSE")).content().startsWith("MIT License");
        assertThat(root.resolve("licenses/THIRD-PARTY.txt")).content().contains("picocli", "Apache");
        assertThat(root.resolve("licenses/bundled")).isDirectory();
        assertThat(JSON.readTree(root.resolve("sbom.cdx.json").toFile()).path("bomFormat").asText())
                .isEqualTo("CycloneDX");
        try (Stream<Path> lib = Files.list(root.resolve("lib"))) {
            List<String> natives = lib.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("(linux|darwin|windows)-.*\\.jar")).toList();
            assertThat(natives).singleElement().asString().startsWith("linux-amd64-");
        }
        // jlink's runtime: no javac, only the modules asked for
        assertThat(root.resolve("runtime/bin/javac")).doesNotExist();
        assertThat(root.resolve("runtime/release")).content().contains("JAVA_RUNTIME_VERSION=")
                .doesNotContain("jdk.compiler");
        if (aotExpected) {
            assertThat(root.resolve("sikifanso.aot")).isRegularFile();
            assertThat(root.resolve("sikifanso.aot.jdk")).content().startsWith("java.home=runtime\n");
        }
    }

    @Test
    void runsWithNoJavaOnTheMachinesPathVersionClusterAppAndMcp() throws Exception {
        Result version = run(Map.of(), "--version");
        assertThat(version.exitCode).as(version.toString()).isZero();
        assertThat(version.stdout).isEqualTo(BuildInfo.load().versionLine() + "\n");

        Result json = run(Map.of(), "version", "-o", "json");
        assertThat(json.exitCode).as(json.toString()).isZero();
        JsonNode report = JSON.readTree(json.stdout);
        assertThat(report.path("version").asText()).isEqualTo(BuildInfo.load().version());
        assertThat(report.path("buildDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Path.of(report.path("java").path("home").asText()).toRealPath())
                .as("the bundled runtime runs it").isEqualTo(root.resolve("runtime").toRealPath());
        assertThat(report.path("platform").path("os").asText()).isEqualTo("linux");
        assertThat(report.path("platform").path("arch").asText()).isEqualTo("x86_64");

        Result create = run(Map.of(), "cluster", "create", "rel-it", "--gitops-only");
        assertThat(create.exitCode).as(create.toString()).isZero();
        assertThat(create.stdout).startsWith("Prepared cluster rel-it");

        // AOTMode=on: the JVM refuses to start unless the launcher passed the cache and the cache maps here
        Map<String, String> aot = aotExpected ? Map.of("SIKIFANSO_JAVA_OPTS", "-XX:AOTMode=on") : Map.of();
        Result enable = run(aot, "-c", "rel-it", "app", "enable", "qdrant");
        assertThat(enable.exitCode).as(enable.toString()).isZero();
        assertThat(state.resolve("clusters/rel-it/gitops/catalog/qdrant.yaml")).content().contains("enabled: true");

        JsonNode init = mcpInitialize();
        assertThat(init.path("result").path("serverInfo").path("name").asText()).isNotBlank();
        assertThat(init.path("result").path("capabilities").has("tools")).as(init.toString()).isTrue();
    }

    /**
     * The channels' manifests name this archive and its checksum (publishing them needs credentials only a
     * release job has; what is checked here is everything up to the upload). The checksum file is checked
     * with sha256sum, as a user would.
     */
    @Test
    void manifestsAndChecksumNameThisArchive() throws Exception {
        Path release = archive.getParent();
        String name = archive.getFileName().toString();
        Process check = new ProcessBuilder("sha256sum", "-c", name + ".sha256").directory(release.toFile())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checked).isZero();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(archive)));
        String version = BuildInfo.load().version();
        Path manifests = release.resolve("manifests");

        assertThat(manifests.resolve("homebrew/sikifanso.rb")).content()
                .contains("version \"" + version + "\"", "sha256 \"" + sha256 + "\"", "/v" + version + "/" + name + "\"",
                        "license \"MIT\"")
                .doesNotContain("@", "depends_on");
        JsonNode sdkman = JSON.readTree(manifests.resolve("sdkman/release-LINUX_64.json").toFile());
        assertThat(sdkman.path("version").asText()).isEqualTo(version);
        assertThat(sdkman.path("checksums").path("SHA-256").asText()).isEqualTo(sha256);
        assertThat(sdkman.path("url").asText()).endsWith("/" + name);
        JsonNode jbang = JSON.readTree(manifests.resolve("jbang/jbang-catalog.json").toFile());
        assertThat(jbang.path("aliases").path("sikifanso").path("script-ref").asText())
                .isEqualTo("com.sikifanso:sikifanso:" + version);
        assertThat(manifests.resolve("docker/Dockerfile")).content()
                .contains("ADD " + name + " /opt/", "FROM debian:bookworm-slim", "ENTRYPOINT [\"sikifanso\"]")
                .doesNotContain("openjdk", "apt-get", "@");
        assertThat(manifests.resolve("docker/" + name)).hasSameBinaryContentAs(archive);
        assertThat(release.resolve("RELEASE-NOTES.md")).content().startsWith("# sikifanso " + version + "\n")
                .containsPattern("\n- .+ \\([0-9a-f]{7,}\\)\n");
        assertThat(release.resolve("NOT-BUILT.txt")).content().contains("macos", "windows", "linux-aarch64");
    }

    /** {@code mcp serve} over stdio: one initialize request, its one-line answer, then stdin closed. */
    private static JsonNode mcpInitialize() throws Exception {
        Path err = tmp.resolve("mcp-stderr.txt");
        Process server = start(Map.of(), "-c", "rel-it", "mcp", "serve").redirectError(err.toFile()).start();
        try (OutputStream in = server.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                     StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"release-it\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            String line = out.readLine();
            assertThat(line).as("an answer to initialize; stderr: " + Files.readString(err)).isNotNull();
            in.close();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("mcp serve ends when stdin closes").isTrue();
            return JSON.readTree(line);
        } finally {
            server.destroyForcibly();
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static Result run(Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = start(env, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sikifanso " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The archive's launcher with JAVA_HOME unset, PATH holding only bash, and a fresh HOME and SIKIFANSO_HOME. */
    private static ProcessBuilder start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/sikifanso").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeAll(List.of("JAVA_HOME", "JDK_HOME", "SIKIFANSO_CLUSTER", "NO_COLOR",
                "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "SIKIFANSO_JAVA_OPTS", "CLASSPATH"));
        environment.put("PATH", noJavaPath.toString());
        environment.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        environment.put("SIKIFANSO_HOME", state.toString());
        environment.putAll(env);
        return pb;
    }
}
