package com.sikifanso.mcp;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.mcp.NodeMcpClient.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One session of the official MCP TypeScript SDK client with {@code sikifanso mcp serve}: what it
 * initialises with, the tools it lists (every schema compiled by ajv), every read tool's
 * structured result validated against its output schema, argument errors, and one mutating call.
 * The session runs once; each test checks one part of what the client saw.
 */
class McpToolsTest {
    /** The tools the issue names; the registry may offer more, and all of them must be listed. */
    private static final List<String> EXPECTED = List.of("cluster_list", "cluster_info", "cluster_create",
            "cluster_delete", "profile_list", "profile_apply", "catalog_list", "catalog_enable", "catalog_disable",
            "app_add", "app_remove", "agent_list", "agent_info", "agent_create", "agent_update", "agent_delete");

    /** Read tools that ask the cluster's API or Argo CD, which a cluster without nodes does not have. */
    private static final java.util.Set<String> ASK_THE_RUNNING_CLUSTER = java.util.Set.of("argocd_apps",
            "app_status", "app_diff", "app_logs", "kube_pods", "kube_services", "kube_events", "kube_logs",
            "argocd_projects_list", "argocd_project_detail", "agent_probe");

    // Calls made after the read tools, by index into the result's "calls".
    private static final int UNKNOWN_TOOL = 0;
    private static final int MISSING_REQUIRED = 1;
    private static final int EXTRA_PROPERTY = 2;
    private static final int NUMBER_FOR_STRING = 3;
    private static final int STRING_FOR_BOOLEAN = 4;
    private static final int STRING_FOR_INTEGER = 5;
    private static final int FRACTION_FOR_INTEGER = 6;
    private static final int BOOLEAN_FOR_STRING = 7;
    private static final int NUMBER_IN_STRING_LIST = 8;
    private static final int ENABLE = 9;

    @TempDir
    static Path root;
    static McpHome home;
    static int commitsBefore;
    static JsonNode session;
    static final OperationRegistry REGISTRY = new OperationRegistry();

    @BeforeAll
    static void runClient() {
        NodeMcpClient.assumeAvailable();
        home = McpHome.withCluster(root).withAgent("bob").withArgoCdPassword();
        commitsBefore = home.commitCount();
        String lab = McpHome.CLUSTER;
        session = NodeMcpClient.run(root, "inspect", Map.of(
                "cluster", lab,
                "names", Map.of("agent_info", "bob", "app_history", "qdrant", "app_status", "qdrant",
                        "app_diff", "qdrant", "app_logs", "qdrant", "argocd_project_detail", "default",
                        "agent_probe", "bob"),
                "parallel", 40,
                "calls", List.of(
                        Map.of("name", "no_such_tool", "arguments", Map.of("cluster", lab)),
                        Map.of("name", "catalog_list", "arguments", Map.of()),
                        Map.of("name", "catalog_list", "arguments", Map.of("cluster", lab, "verbose", true)),
                        Map.of("name", "catalog_list", "arguments", Map.of("cluster", 42)),
                        Map.of("name", "catalog_list", "arguments", Map.of("cluster", lab, "enabledOnly", "yes")),
                        Map.of("name", "agent_update", "arguments", Map.of("cluster", lab, "name", "bob",
                                "pods", "10")),
                        Map.of("name", "agent_update", "arguments", Map.of("cluster", lab, "name", "bob",
                                "pods", 2.5)),
                        Map.of("name", "catalog_list", "arguments", Map.of("cluster", true)),
                        Map.of("name", "agent_update", "arguments", Map.of("cluster", lab, "name", "bob",
                                "allow", List.of(1))),
                        Map.of("name", "catalog_enable", "arguments", Map.of("cluster", lab, "names", List.of("qdrant"))))));
    }

    @Test
    void initializeAnnouncesToolsAndTheServer() {
        assertThat(session.at("/capabilities/tools").isObject()).as("tools capability").isTrue();
        assertThat(session.at("/serverInfo/name").asText()).isEqualTo("sikifanso");
        assertThat(session.at("/serverInfo/version").asText()).isEqualTo(BuildInfo.load().version());
        assertThat(session.path("instructions").asText()).contains("cluster_list");
    }

    /** The registry's operations an MCP server may offer: all but those revealing secret values or CLI-only. */
    private static java.util.stream.Stream<Operation<?, ?>> offered() {
        return REGISTRY.all().stream().filter(Operation::offeredToClients);
    }

    @Test
    void listsEveryOperationOfTheRegistry() {
        List<String> names = names(session.path("tools"));
        assertThat(names).containsAll(EXPECTED);
        assertThat(names).containsExactlyInAnyOrderElementsOf(offered().map(Operation::name).toList());
        // Operations whose results hold passwords or keys are the CLI's alone.
        assertThat(names).doesNotContain("app_credentials").contains("app_rotate_credentials");
    }

    @Test
    void everyToolHasStrictInputAndAnOutputSchemaThatAjvCompiles() {
        for (JsonNode tool : session.path("tools")) {
            String name = tool.path("name").asText();
            assertThat(tool.path("inputSchemaError").isNull()).as(name + " inputSchema compiles: "
                    + tool.path("inputSchemaError")).isTrue();
            assertThat(tool.path("outputSchemaError").isNull()).as(name + " outputSchema compiles: "
                    + tool.path("outputSchemaError")).isTrue();
            assertThat(tool.at("/inputSchema/type").asText()).as(name).isEqualTo("object");
            assertThat(tool.at("/inputSchema/additionalProperties").isBoolean()
                    && !tool.at("/inputSchema/additionalProperties").asBoolean())
                    .as(name + " inputSchema has additionalProperties: false").isTrue();
            assertThat(tool.at("/outputSchema/type").asText()).as(name + " outputSchema").isEqualTo("object");
            assertThat(tool.path("description").asText()).as(name + " description").isNotBlank();
        }
    }

    @Test
    void requiredArgumentsAreTheRegistrysAndDescribed() {
        JsonNode info = tool("agent_info").path("inputSchema");
        assertThat(names(info.path("required"))).containsExactlyInAnyOrder("cluster", "name");
        info.path("properties").properties().forEach(p ->
                assertThat(p.getValue().path("description").asText()).as("description of " + p.getKey())
                        .isNotBlank());
        JsonNode list = tool("catalog_list").path("inputSchema");
        assertThat(names(list.path("required"))).containsExactly("cluster");
        assertThat(list.at("/properties/enabledOnly/type").asText()).isEqualTo("boolean");
        assertThat(list.at("/properties/enabledOnly/default").isBoolean()).isTrue();
    }

    @Test
    void schemasFollowOneConvention() {
        for (JsonNode t : session.path("tools")) {
            t.at("/inputSchema/properties").properties().forEach(p -> assertThat(p.getValue().path("description")
                    .asText()).as(t.path("name").asText() + "." + p.getKey() + ": lists are arrays")
                    .doesNotContainIgnoringCase("comma-separated"));
        }
        assertThat(tool("profile_apply").at("/inputSchema/properties/profiles/type").asText()).isEqualTo("array");
        assertThat(tool("cluster_create").at("/inputSchema/properties/profiles/type").asText()).isEqualTo("array");
        for (String logs : List.of("app_logs", "kube_logs")) {
            JsonNode props = tool(logs).at("/inputSchema/properties");
            assertThat(props.at("/since/type").asText()).as(logs).isEqualTo("string");
            assertThat(props.has("sinceMinutes")).as(logs).isFalse();
            assertThat(props.at("/lines/maximum").asInt()).as(logs).isEqualTo(2000);
        }
        assertThat(names(tool("agent_create").at("/inputSchema/properties/podSecurity/enum")))
                .containsExactly("restricted", "baseline");
        assertThat(names(tool("app_logs").at("/outputSchema/required"))).contains("matched", "truncated");
        // Every tool that changes something takes dryRun; a read has nothing to plan.
        assertThat(tool("catalog_enable").at("/inputSchema/properties/dryRun/type").asText()).isEqualTo("boolean");
        assertThat(tool("catalog_list").at("/inputSchema/properties/dryRun").isMissingNode()).isTrue();
    }

    @Test
    void annotationsSayWhatTheRegistrySays() {
        for (Operation<?, ?> op : offered().toList()) {
            JsonNode a = tool(op.name()).path("annotations");
            // Read both as a client applying the specification's defaults would and as one taking a missing hint
            // as false; the write hints mean something only for a tool that is not read-only.
            for (boolean specDefaults : new boolean[] {true, false}) {
                String reading = op.name() + (specDefaults ? " (spec defaults) " : " (missing = false) ");
                assertThat(a.path("readOnlyHint").asBoolean(false)).as(reading + "readOnlyHint")
                        .isEqualTo(op.safety().readOnly());
                assertThat(a.path("openWorldHint").asBoolean(specDefaults)).as(reading + "openWorldHint")
                        .isEqualTo(op.safety().openWorld());
                if (!op.safety().readOnly()) {
                    assertThat(a.path("destructiveHint").asBoolean(specDefaults)).as(reading + "destructiveHint")
                            .isEqualTo(op.safety().destructive());
                    assertThat(a.path("idempotentHint").asBoolean(false)).as(reading + "idempotentHint")
                            .isEqualTo(op.safety().idempotent());
                }
            }
        }
        assertThat(tool("agent_delete").at("/annotations/destructiveHint").asBoolean()).isTrue();
        assertThat(tool("app_sync").at("/annotations/destructiveHint").asBoolean()).as("it prunes").isTrue();
        assertThat(tool("app_rollback").at("/annotations/idempotentHint").asBoolean())
                .as("a second rollback steps back again").isFalse();
        for (Operation<?, ?> op : offered().toList()) {
            assertThat(tool(op.name()).path("title").asText()).as(op.name() + " title").isNotBlank();
        }
        assertThat(tool("kube_logs").path("title").asText()).isEqualTo("Kubernetes logs");
        assertThat(tool("argocd_apps").path("title").asText()).isEqualTo("Argo CD apps");
        assertThat(tool("cluster_list").at("/annotations/readOnlyHint").asBoolean()).isTrue();
    }

    @Test
    void everyReadToolsStructuredContentMatchesItsOutputSchema() {
        List<String> readOps = offered().filter(op -> op.safety().readOnly()).map(Operation::name).toList();
        assertThat(names(session.path("reads"))).containsExactlyInAnyOrderElementsOf(readOps);
        for (JsonNode read : session.path("reads")) {
            String name = read.path("name").asText();
            assertThat(read.path("ok").asBoolean()).as(name + " answered: " + read.path("error")).isTrue();
            if (ASK_THE_RUNNING_CLUSTER.contains(name)) {
                // The home's cluster has no nodes: these say so, with the tool call that creates them
                // (the CLI's hint names the command; the model is told the tool and its arguments).
                assertThat(read.path("isError").asBoolean()).as(name + " isError").isTrue();
                assertThat(read.path("text").asText()).as(name).contains("cluster \"lab\" is not running")
                        .contains("cluster_create with name: \"lab\"").doesNotContain("sikifanso cluster create");
                continue;
            }
            assertThat(read.path("isError").asBoolean()).as(name + " isError: " + read.path("text")).isFalse();
            assertThat(read.path("structuredContent").isObject()).as(name + " structuredContent").isTrue();
            assertThat(read.path("outputValid").asBoolean()).as(name + " output valid: "
                    + read.path("outputErrors")).isTrue();
            assertThat(read.path("text").asText()).as(name + " text content").isNotBlank();
        }
        JsonNode catalog = read("catalog_list").path("structuredContent").path("apps");
        assertThat(names(catalog)).contains("qdrant", "litellm-proxy");
        assertThat(read("agent_info").at("/structuredContent/agent/name").asText()).isEqualTo("bob");
        assertThat(read("cluster_info").at("/structuredContent/session/clusterName").asText()).isEqualTo("lab");
    }

    @Test
    void answersEveryCallWhenManyAreInFlightAtOnce() {
        JsonNode parallel = session.path("parallel");
        assertThat(parallel.path("answered").asInt()).as(parallel.toString()).isEqualTo(40);
    }

    @Test
    void noToolOutputContainsTheArgoCdPassword() {
        // The session really has it, and the server really read the part of the session that holds it.
        assertThat(home.services().sessions().load(ClusterName.of(McpHome.CLUSTER)).services().argocd().password())
                .isEqualTo(McpHome.ARGOCD_PASSWORD);
        JsonNode info = read("cluster_info");
        assertThat(info.at("/structuredContent/session/services/argocd/url").asText())
                .isEqualTo("http://localhost:30080");
        assertThat(info.at("/structuredContent/session/services/argocd").has("password")).isFalse();
        for (String tool : List.of("cluster_info", "cluster_list")) {
            assertThat(read(tool).toString()).as(tool).doesNotContain(McpHome.ARGOCD_PASSWORD);
        }
        assertThat(session.toString()).as("anything the client saw").doesNotContain(McpHome.ARGOCD_PASSWORD);
        assertThat(session.toString()).as("no kubeconfig").doesNotContain("client-key-data", "BEGIN RSA");
        Path log = root.resolve("mcp.log");
        assertThat(log).as("the server logs to a file under SIKIFANSO_HOME").exists();
        assertThat(log).content().doesNotContain(McpHome.ARGOCD_PASSWORD);
    }

    @Test
    void unknownToolIsInvalidParams() {
        JsonNode c = call(session, UNKNOWN_TOOL);
        assertThat(c.path("ok").asBoolean()).as(c.toString()).isFalse();
        assertThat(c.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(c.at("/error/message").asText()).as("the message itself names the tool")
                .contains("Unknown tool \"no_such_tool\"", "tools/list");
    }

    @Test
    void missingRequiredArgumentIsInvalidParamsNamingIt() {
        assertInvalidParams(MISSING_REQUIRED, "missing required argument cluster");
    }

    @Test
    void extraPropertyIsInvalidParamsNamingIt() {
        assertInvalidParams(EXTRA_PROPERTY, "unknown argument \"verbose\"");
    }

    @Test
    void wrongTypesAreInvalidParams() {
        assertInvalidParams(NUMBER_FOR_STRING, "\"cluster\" has the wrong type");
        assertInvalidParams(STRING_FOR_BOOLEAN, "\"enabledOnly\" has the wrong type");
        assertInvalidParams(STRING_FOR_INTEGER, "\"pods\" has the wrong type");
        assertInvalidParams(FRACTION_FOR_INTEGER, "\"pods\" has the wrong type");
        assertInvalidParams(BOOLEAN_FOR_STRING, "\"cluster\" has the wrong type");
        assertInvalidParams(NUMBER_IN_STRING_LIST, "\"allow\" has the wrong type");
    }

    @Test
    void aMutatingToolMakesExactlyOneCommitAndLeavesTheRepoClean() {
        JsonNode c = call(session, ENABLE);
        assertThat(c.path("ok").asBoolean()).as(c.toString()).isTrue();
        assertThat(c.path("isError").asBoolean()).as(c.path("text").asText()).isFalse();
        assertThat(names(c.at("/structuredContent/changed"))).contains("qdrant");
        // The calls with bad arguments before it changed nothing; this one exactly one commit.
        assertThat(home.commitCount()).isEqualTo(commitsBefore + 1);
        assertThat(home.status()).as("git status --porcelain").isEmpty();
        assertThat(c.at("/structuredContent/commit").asText()).isEqualTo(home.git("rev-parse", "HEAD").strip());
        assertThat(home.lastSubject()).contains("qdrant");
        assertThat(c.path("text").asText()).contains("qdrant");
    }

    /**
     * The SDK client negotiates 2025-11-25, where a known tool's bad input is a tool error the model reads
     * (SEP-1303), no longer -32602; McpProtocolRevisionsTest checks -32602 under the older revisions.
     */
    private static void assertInvalidParams(int index, String message) {
        JsonNode c = call(session, index);
        assertThat(c.path("ok").asBoolean()).as("a tool result expected: " + c).isTrue();
        assertThat(c.path("isError").asBoolean()).as(c.toString()).isTrue();
        assertThat(c.path("text").asText()).contains(message);
    }

    private static JsonNode tool(String name) {
        for (JsonNode t : session.path("tools")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("tool " + name + " not listed");
    }

    private static JsonNode read(String name) {
        for (JsonNode r : session.path("reads")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("read tool " + name + " not called");
    }

    /** The "name" of each element, or each text element, of an array. */
    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.isTextual() ? n.asText() : n.path("name").asText()));
        return names;
    }
}
