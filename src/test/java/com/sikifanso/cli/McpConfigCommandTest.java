package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp config}: configs that start the server with the state, kubeconfig and cluster in use. */
class McpConfigCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private SikifansoProcess.Result config(String... args) {
        return InProcess.run(home, Map.of("KUBECONFIG", home.resolve("kube/config").toString()), false, args);
    }

    @Test
    void clusterBeforeOrAfterTheSubcommandPinsTheServer() throws Exception {
        for (String[] line : new String[][] {{"-c", "lab", "mcp", "config", "cursor"},
            {"mcp", "config", "cursor", "-c", "lab"}, {"mcp", "-c", "lab", "config", "cursor"},
            {"--cluster=lab", "mcp", "config", "cursor"}}) {
            SikifansoProcess.Result r = config(line);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            JsonNode args = JSON.readTree(r.stdout()).at("/mcpServers/sikifanso/args");
            assertThat(args.toString()).as(String.join(" ", line)).isEqualTo("[\"mcp\",\"serve\",\"-c\",\"lab\"]");
        }
        JsonNode unpinned = JSON.readTree(config("mcp", "config", "cursor").stdout()).at("/mcpServers/sikifanso/args");
        assertThat(unpinned.toString()).isEqualTo("[\"mcp\",\"serve\"]");
    }

    @Test
    void stdioFormsCarryAbsoluteHomeAndKubeconfig() throws Exception {
        for (String client : new String[] {"claude-desktop", "cursor"}) {
            JsonNode server = JSON.readTree(config("mcp", "config", client).stdout()).at("/mcpServers/sikifanso");
            assertThat(server.at("/env/SIKIFANSO_HOME").asText()).isEqualTo(home.toAbsolutePath().toString());
            assertThat(server.at("/env/KUBECONFIG").asText()).isEqualTo(home.resolve("kube/config").toString());
        }
        JsonNode vscode = JSON.readTree(config("mcp", "config", "vscode").stdout()).at("/servers/sikifanso");
        assertThat(vscode.path("type").asText()).isEqualTo("stdio");
        assertThat(vscode.at("/env/SIKIFANSO_HOME").asText()).isEqualTo(home.toAbsolutePath().toString());

        SikifansoProcess.Result claude = config("-c", "lab", "mcp", "config", "claude-code");
        assertThat(claude.stdout().strip()).isEqualTo("claude mcp add sikifanso -e SIKIFANSO_HOME="
                + home.toAbsolutePath() + " -e KUBECONFIG=" + home.resolve("kube/config")
                + " -- sikifanso mcp serve -c lab");
        assertThat(claude.stderr()).contains("--read-only", "--toolsets");
    }

    @Test
    void httpFormsSendTheBearerToken() throws Exception {
        assertThat(config("mcp", "token").exitCode()).isZero();
        String token = Files.readString(home.resolve("mcp-token")).strip();

        SikifansoProcess.Result claude = config("mcp", "config", "claude-code", "--http");
        assertThat(claude.stdout().strip()).isEqualTo("claude mcp add --transport http sikifanso "
                + "http://127.0.0.1:8811/mcp --header 'Authorization: Bearer " + token + "'");

        JsonNode cursor = JSON.readTree(config("mcp", "config", "cursor", "--http", "localhost:9000").stdout())
                .at("/mcpServers/sikifanso");
        assertThat(cursor.path("url").asText()).isEqualTo("http://localhost:9000/mcp");
        assertThat(cursor.at("/headers/Authorization").asText()).isEqualTo("Bearer " + token);

        JsonNode vscode = JSON.readTree(config("mcp", "config", "vscode", "--http").stdout()).at("/servers/sikifanso");
        assertThat(vscode.path("type").asText()).isEqualTo("http");
        assertThat(vscode.at("/headers/Authorization").asText()).isEqualTo("Bearer " + token);
    }

    @Test
    void claudeDesktopHasNoHttpFormAndSaysWhatToUse() {
        SikifansoProcess.Result r = config("mcp", "config", "claude-desktop", "--http");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("cannot send an Authorization header", "sikifanso mcp config claude-desktop");
    }
}
