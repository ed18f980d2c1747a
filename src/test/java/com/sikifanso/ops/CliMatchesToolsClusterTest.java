package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.Services;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.cluster.RealDocker;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso cluster ... -o json} prints exactly the tool's structuredContent for the same input, run on
 * the same state: cluster_create (with and without nodes), cluster_start, cluster_stop, cluster_delete,
 * cluster_info, cluster_list, profile_list and doctor. Nodes are the busybox stand-in on the real Docker
 * engine, as in ClusterCommandsTest; it serves no Kubernetes API, so cluster_upgrade (Helm against a live
 * cluster) is compared in CliMatchesToolsAppsTest, whose cluster has an API server.
 */
class CliMatchesToolsClusterTest {
    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();
    private CliHome home;
    private Services services;
    private String name;

    @BeforeEach
    void home() {
        home = CliHome.at(tmp, "cmt");
        env.putAll(home.env());
        services = home.services();
        name = home.name();
    }

    @AfterEach
    void removeTheCluster() {
        home.removeTheCluster();
    }

    @Test
    void profileListMatches() throws IOException {
        assertThat(cli("cluster", "profiles")).isEqualTo(tool("profile_list", Map.of()));
    }

    @Test
    void gitopsOnlyCreateInfoListAndDeleteMatch() throws IOException {
        JsonNode cliCreated = cli("cluster", "create", name, "--gitops-only", "--profile", "rag");
        JsonNode cliInfo = cli("cluster", "info", name);
        JsonNode cliList = cli("cluster", "info");
        assertThat(cliList.at("/clusters/0/name").asText()).isEqualTo(name);
        JsonNode toolInfo = tool("cluster_info", Map.of("cluster", name));
        JsonNode toolList = tool("cluster_list", Map.of());
        JsonNode cliDeleted = cli("cluster", "delete", name, "--yes");

        JsonNode toolCreated = tool("cluster_create", Map.of("name", name, "gitopsOnly", true,
                "profiles", List.of("rag")));
        JsonNode toolDeleted = tool("cluster_delete", Map.of("cluster", name));

        assertThat(cliInfo).isEqualTo(toolInfo);
        assertThat(cliList).isEqualTo(toolList);
        assertThat(cliDeleted).isEqualTo(toolDeleted).isEqualTo(Mappers.JSON.readTree("{\"deleted\":\"" + name
                + "\"}"));
        assertThat(cliCreated.at("/profile/changed").toString()).contains("qdrant");
        // Made a second time: the creation second and the commit (its time is part of its id) differ.
        assertThat(withoutTimeAndCommit(cliCreated)).isEqualTo(withoutTimeAndCommit(toolCreated));
    }

    @Test
    void gitopsStatusMatchesWithAndWithoutARemote() throws Exception {
        cli("cluster", "create", name, "--gitops-only");
        assertThat(cli("-c", name, "cluster", "gitops", "status"))
                .isEqualTo(tool("gitops_status", Map.of("cluster", name)));

        Path bare = tmp.resolve("remote.git");
        new ProcessBuilder("git", "init", "--quiet", "--bare", "--initial-branch=main", bare.toString())
                .inheritIO().start().waitFor();
        JsonNode set = cli("-c", name, "cluster", "gitops", "remote", "set", "file://" + bare);
        JsonNode cliStatus = cli("-c", name, "cluster", "gitops", "status");

        assertThat(set.at("/url").asText()).isEqualTo("file://" + bare);
        assertThat(cliStatus).isEqualTo(set).isEqualTo(tool("gitops_status", Map.of("cluster", name)));
    }

    @Test
    void doctorMatches() throws IOException {
        assertThat(cliExiting(1, "cluster", "doctor", "nowhere")).isEqualTo(tool("doctor", Map.of("cluster", "nowhere")));
    }

    @Test
    void createStopStartInfoListAndDeleteOnDockerMatch() throws IOException {
        RealDocker.require();
        JsonNode cliCreated = cli("cluster", "create", name, "--image", RealDocker.STAND_IN_IMAGE,
                "--no-switch-context", "--skip-bootstrap");
        JsonNode cliStopped = cli("cluster", "stop", name);
        JsonNode toolStarted = tool("cluster_start", Map.of("cluster", name, "wait", false));
        JsonNode toolStopped = tool("cluster_stop", Map.of("cluster", name));
        JsonNode cliStarted = cli("cluster", "start", name, "--no-wait");
        JsonNode cliInfo = cli("cluster", "info", name);
        JsonNode toolInfo = tool("cluster_info", Map.of("cluster", name));
        JsonNode cliList = cli("cluster", "info");
        JsonNode toolList = tool("cluster_list", Map.of());
        JsonNode cliDeleted = cli("cluster", "delete", name, "--yes");

        // skipBootstrap (the stand-in serves no API) is the CLI's alone, so the tool's create is the operation
        // called with the CLI's input through Invocations, as the MCP adapter calls it after binding arguments.
        ClusterOps.ClusterCreated created = services.invocations().invoke(ClusterOps.CLUSTER_CREATE,
                ClusterOps.ClusterCreateInput.builder(name).image(RealDocker.STAND_IN_IMAGE).skipBootstrap(true).build()
                        ,
                Invocations.Caller.program(Surface.mcp, msg -> { }));
        JsonNode toolCreated = Mappers.JSON.valueToTree(StructuredResults.of(created));
        JsonNode toolDeleted = tool("cluster_delete", Map.of("cluster", name));

        assertThat(cliStopped).isEqualTo(toolStopped);
        assertThat(cliStarted).isEqualTo(toolStarted);
        assertThat(cliInfo.at("/docker").asText()).isEqualTo("running");
        assertThat(cliInfo).isEqualTo(toolInfo);
        assertThat(cliList).isEqualTo(toolList);
        assertThat(cliDeleted).isEqualTo(toolDeleted);
        assertThat(cliCreated.at("/session/k3dConfig/image").asText()).isEqualTo(RealDocker.STAND_IN_IMAGE);
        // Made a second time: another creation second, and host ports are taken from what is free then.
        assertThat(withoutTimeAndPorts(cliCreated)).isEqualTo(withoutTimeAndPorts(toolCreated));
    }

    private JsonNode cli(String... command) throws IOException {
        return cliExiting(0, command);
    }

    private JsonNode cliExiting(int expected, String... command) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[command.length + 2];
        args[0] = "-o";
        args[1] = "json";
        System.arraycopy(command, 0, args, 2, command.length);
        int code = CommandLines.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertThat(code).as(String.join(" ", command) + ": " + err).isEqualTo(expected);
        return Mappers.JSON.readTree(out.toString());
    }

    /** As the MCP server calls a tool: arguments bound by the registry, the result as structuredContent. */
    private JsonNode tool(String tool, Map<String, Object> arguments) {
        Object result = new OperationRegistry().invoke(tool, arguments, new OperationContext(services, msg -> { }));
        return Mappers.JSON.valueToTree(StructuredResults.of(result));
    }

    private static JsonNode withoutTimeAndCommit(JsonNode created) {
        ObjectNode copy = created.deepCopy();
        ((ObjectNode) copy.path("session")).remove("createdAt");
        ((ObjectNode) copy.path("profile")).remove("commit");
        return copy;
    }

    private static JsonNode withoutTimeAndPorts(JsonNode created) {
        ObjectNode copy = created.deepCopy();
        ((ObjectNode) copy.path("session")).remove(List.of("createdAt", "ports"));
        return copy;
    }
}
