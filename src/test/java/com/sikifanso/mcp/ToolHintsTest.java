package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.ops.OperationRegistry;
import org.junit.jupiter.api.Test;

/** Errors are written for the CLI once; over MCP their fixes name tools and arguments instead. */
class ToolHintsTest {
    private final ToolHints hints = new ToolHints(new OperationRegistry().all());

    @Test
    void commandsWithAToolBecomeTheToolAndItsArguments() {
        assertThat(hints.render("change it with: sikifanso agent update bob, or pick another name"))
                .isEqualTo("change it with: agent_update with name: \"bob\", or pick another name");
        assertThat(hints.render("sync now: sikifanso app sync qdrant -c lab"))
                .isEqualTo("sync now: app_sync with name: \"qdrant\", cluster: \"lab\"");
        assertThat(hints.render("see them: sikifanso cluster profiles")).isEqualTo("see them: profile_list");
        assertThat(hints.render("see the clusters you have with: sikifanso cluster info, or prepare this one with: "
                + "sikifanso cluster create lab --gitops-only")).isEqualTo("see the clusters you have with: "
                + "cluster_list, or prepare this one with: cluster_create with name: \"lab\", gitopsOnly: true");
        assertThat(hints.render("run sikifanso cluster info lab and retry"))
                .isEqualTo("run cluster_info with cluster: \"lab\" and retry");
    }

    @Test
    void flagsBecomeArguments() {
        assertThat(hints.render("disable those first, or use --force to disable qdrant anyway (they may break)"))
                .isEqualTo("disable those first, or use force: true to disable qdrant anyway (they may break)");
        assertThat(hints.render("retry: sikifanso catalog disable qdrant --force"))
                .isEqualTo("retry: catalog_disable with name: \"qdrant\", force: true");
    }

    @Test
    void whatNoToolDoesStaysATerminalCommand() {
        assertThat(hints.render("print it with: sikifanso mcp token")).isEqualTo("print it with: sikifanso mcp token");
        assertThat(hints.render("start Docker (--no-such-flag)")).isEqualTo("start Docker (--no-such-flag)");
        assertThat(hints.render(null)).isNull();
    }
}
