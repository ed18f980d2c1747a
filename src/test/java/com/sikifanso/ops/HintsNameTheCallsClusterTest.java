package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sikifanso.Services;
import com.sikifanso.cli.InProcess;
import com.sikifanso.cli.SikifansoProcess;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.mcp.ToolHints;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed call on a cluster suggests its next commands for that cluster: services write their fixes without one
 * (the same words serve every caller), and at a terminal a command without -c acts on the default cluster, for a
 * model on none. Real GitOps repos (--gitops-only clusters), the CLI in process and the operations as MCP calls them.
 */
class HintsNameTheCallsClusterTest {
    @TempDir
    Path home;

    @Test
    void aTerminalsFixNamesTheClusterItsCommandActedOnAndLeavesTheDefaultImplied() {
        assertThat(InProcess.run(home, "cluster", "create", "lab", "--gitops-only").exitCode()).isZero();
        assertThat(InProcess.run(home, "cluster", "create", "--gitops-only").exitCode()).isZero();

        SikifansoProcess.Result onLab = InProcess.run(home, "-c", "lab", "app", "remove", "qdrant");
        SikifansoProcess.Result onDefault = InProcess.run(home, "app", "remove", "qdrant");

        assertThat(onLab.exitCode()).isEqualTo(1);
        assertThat(onLab.stderr()).contains("turn it off with: sikifanso app disable qdrant -c lab\n");
        assertThat(onDefault.exitCode()).isEqualTo(1);
        assertThat(onDefault.stderr()).contains("turn it off with: sikifanso app disable qdrant\n");
    }

    @Test
    void aModelsFixNamesTheClusterAsTheToolsArgument() {
        Services services = NoDockerServices.on(home);
        services.clusters().prepare(ClusterName.of("default"), new TemplateSource.Embedded(), null);
        ToolHints model = new ToolHints(new OperationRegistry().all());

        SikifansoException failed = catchThrowableOfType(SikifansoException.class, () -> services.invocations()
                .invoke(CatalogOps.REMOVE, new CatalogOps.AppChange("default", "qdrant", false),
                        Invocations.Caller.program(Surface.mcp, msg -> { })));

        // Over MCP even the default cluster is named: a tool call that leaves it out names no cluster at all.
        assertThat(model.error(failed)).endsWith("To fix: turn it off with: catalog_disable with name: \"qdrant\", "
                + "cluster: \"default\"");
    }
}
