package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.gitops.GitServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result's next step and a doctor check's fix are written once and read per surface: over MCP (a real
 * {@code sikifanso mcp serve} spoken to in JSON-RPC) as the tool and its arguments, in the text content and in
 * structuredContent alike; on the CLI as the command to type, in its text and in {@code -o json}. So are a progress
 * note that names a command (an MCP progress notification) and an error that names app_add's arguments.
 */
class ResultHintsPerSurfaceTest {
    private static final String CREATE_FIX = "create it: sikifanso cluster create nowhere";
    private static final String CREATE_TOOL = "create it: cluster_create with name: \"nowhere\"";
    private static final String NO_CLUSTERS = "No clusters yet. Create one with: ";

    @TempDir
    Path home;

    @Test
    void overMcpTheDoctorsFixAndANextStepNameTools() throws Exception {
        try (RawStdio stdio = new RawStdio(home, ServerCommand.mcpServe())) {
            stdio.initialize("2025-06-18");
            JsonNode doctor = call(stdio, 1, "doctor", "{\"cluster\":\"nowhere\"}");
            assertThat(doctor.path("isError").asBoolean()).as(doctor.toString()).isFalse();
            assertThat(session(doctor.path("structuredContent")).path("fix").asText()).isEqualTo(CREATE_TOOL);
            assertThat(text(doctor)).contains("fix:   " + CREATE_TOOL).doesNotContain("sikifanso cluster create");

            JsonNode list = call(stdio, 2, "cluster_list", "{}");
            assertThat(text(list)).isEqualTo(NO_CLUSTERS + "cluster_create with profiles: [\"agent-dev\"]\n");
        }
    }

    @Test
    void onTheCliTheyAreCommandsToType() throws Exception {
        assertThat(cli(1, "cluster", "doctor", "nowhere")).contains("fix:   " + CREATE_FIX);
        JsonNode json = RawStdio.JSON.readTree(cli(1, "-o", "json", "cluster", "doctor", "nowhere"));
        assertThat(session(json).path("fix").asText()).isEqualTo(CREATE_FIX);
        assertThat(cli(0, "cluster", "info")).isEqualTo(NO_CLUSTERS + "sikifanso cluster create --profile agent-dev\n");
    }

    @Test
    void aProgressNoteNamesTheToolOverMcpAndTheCommandOnTheCli() throws Exception {
        // --gitops-only: the cluster does not run, so an agent's LiteLLM key waits for it and a note says what then.
        cli(0, "cluster", "create", "lab", "--gitops-only");
        assertThat(run(0, "agent", "create", "demo", "-c", "lab", "--llm-budget", "5", "--no-wait").err())
                .contains("agent demo's LiteLLM key is made when the cluster runs: start it, then "
                        + "sikifanso agent update demo --llm-budget 5");

        try (RawStdio stdio = new RawStdio(home, ServerCommand.mcpServe())) {
            stdio.initialize("2025-06-18");
            List<String> progress = progressOfACall(stdio, "agent_create", "{\"cluster\":\"lab\",\"name\":\"bob\","
                    + "\"llmBudget\":\"5\",\"wait\":false}");
            assertThat(progress).contains("agent bob's LiteLLM key is made when the cluster runs: start it, then "
                    + "agent_update with name: \"bob\", llmBudget: \"5\"").noneMatch(m -> m.contains("sikifanso agent"));
        }
    }

    @Test
    void anUnreachableGitOpsRemoteIsToldToTheCallInItsCallersWords() throws Exception {
        // A real bare repo as the remote, then moved away: the change is committed here and the warning says how on.
        Path remote = GitServers.bare(home.resolve("servers/lab.git"));
        cli(0, "cluster", "create", "lab", "--gitops-only");
        cli(0, "cluster", "gitops", "remote", "set", "file://" + remote, "-c", "lab");
        java.nio.file.Files.move(remote, home.resolve("servers/away.git"));

        String err = run(0, "app", "enable", "qdrant", "-c", "lab", "--no-wait").err();
        assertThat(err).contains("warning: cannot reach the GitOps remote ('" + remote + "' does not appear to be a "
                        + "git repository); the change is committed here, push it later with: sikifanso cluster gitops "
                        + "push -c lab (where the repo stands: sikifanso cluster gitops status -c lab)")
                .contains("  once the remote is reachable (and your git credentials work): sikifanso cluster gitops push"
                        + " -c lab (where the repo stands: sikifanso cluster gitops status -c lab)");

        try (RawStdio stdio = new RawStdio(home, ServerCommand.mcpServe())) {
            stdio.initialize("2025-06-18");
            List<String> progress = progressOfACall(stdio, "catalog_enable", "{\"cluster\":\"lab\",\"names\":"
                    + "[\"valkey\"],\"wait\":false}");
            // Pushing is a person's (gitops_push is the CLI's only): the command stays; the status is the model's tool.
            String unreachable = "warning: cannot reach the GitOps remote ('" + remote + "' does not appear to be a git "
                    + "repository); the change is committed here, push it later with: sikifanso cluster gitops push -c "
                    + "lab (where the repo stands: gitops_status with cluster: \"lab\")";
            assertThat(progress).contains(unreachable).anyMatch(m -> m.startsWith("warning: the push to file://"
                    + remote + " failed") && m.endsWith("(where the repo stands: gitops_status with cluster: \"lab\")"))
                    .noneMatch(m -> m.contains("sikifanso cluster gitops status"));
            assertThat(java.nio.file.Files.readString(home.resolve("mcp.log"))).as("the server's log")
                    .contains(unreachable).doesNotContain("sikifanso cluster gitops status");
        }
        assertThat(java.nio.file.Files.readString(home.resolve("server-stderr.txt"))).doesNotContain("warning:");
    }

    @Test
    void appAddsChartErrorsNameItsArgumentsOverMcpAndItsFlagsOnTheCli() throws Exception {
        cli(0, "cluster", "create", "lab", "--gitops-only");
        assertThat(run(2, "app", "add", "web", "-c", "lab", "--repo", "ftp://example.com/charts", "--chart", "web",
                "--version", "1.0.0").err()).contains("--repo \"ftp://example.com/charts\" is not an https, http or oci"
                + " URL with a host");
        assertThat(run(2, "app", "add", "web", "-c", "lab", "--repo", "https://example.com/charts", "--chart",
                "../web", "--version", "1.0.0").err()).contains("the repository goes in --repo");

        try (RawStdio stdio = new RawStdio(home, ServerCommand.mcpServe())) {
            stdio.initialize("2025-06-18");
            JsonNode repo = call(stdio, 1, "app_add", "{\"cluster\":\"lab\",\"name\":\"web\",\"repoUrl\":"
                    + "\"ftp://example.com/charts\",\"chart\":\"web\",\"version\":\"1.0.0\"}");
            assertThat(repo.path("isError").asBoolean()).as(repo.toString()).isTrue();
            assertThat(text(repo)).startsWith("repoUrl \"ftp://example.com/charts\" is not an https, http or oci URL");
            JsonNode chart = call(stdio, 2, "app_add", "{\"cluster\":\"lab\",\"name\":\"web\",\"repoUrl\":"
                    + "\"https://example.com/charts\",\"chart\":\"../web\",\"version\":\"1.0.0\"}");
            assertThat(text(chart)).startsWith("chart \"../web\" is not a chart name").contains("goes in repoUrl")
                    .doesNotContain("--");
            JsonNode version = call(stdio, 3, "app_add", "{\"cluster\":\"lab\",\"name\":\"web\",\"repoUrl\":"
                    + "\"https://example.com/charts\",\"chart\":\"web\",\"version\":\"latest\"}");
            assertThat(text(version)).startsWith("version \"latest\" is not a chart version");
        }
    }

    /** The progress notifications' messages of a call that succeeded, sent with a progress token. */
    private static List<String> progressOfACall(RawStdio stdio, String tool, String arguments) throws Exception {
        stdio.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + ",\"_meta\":{\"progressToken\":\"p1\"}}}");
        List<String> progress = new ArrayList<>();
        JsonNode line;
        while (!(line = stdio.next()).has("id")) {
            if (line.path("method").asText().equals("notifications/progress")) {
                progress.add(line.at("/params/message").asText());
            }
        }
        assertThat(line.at("/result/isError").asBoolean()).as(line.toString()).isFalse();
        return progress;
    }

    private static JsonNode call(RawStdio stdio, int id, String tool, String arguments) throws Exception {
        JsonNode response = stdio.response("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}");
        assertThat(response.has("result")).as(response.toString()).isTrue();
        return response.path("result");
    }

    private static String text(JsonNode result) {
        return result.at("/content/0/text").asText();
    }

    private static JsonNode session(JsonNode report) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("name").asText().equals("Session")) {
                return check;
            }
        }
        throw new AssertionError("no Session row in " + report);
    }

    private String cli(int expected, String... args) {
        return run(expected, args).out();
    }

    private record Run(String out, String err) {
    }

    private Run run(int expected, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        ServerCommand.environment(env, home);
        env.put("KUBECONFIG", home.resolve("kube/config").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(expected);
        return new Run(out.toString(), err.toString());
    }
}
