package com.sikifanso.cli;

import com.sikifanso.ops.ClusterFileOps;
import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;

@Command(name = "templates", description = {"List the cluster templates: the built-in ones and yours.",
    "Yours: cluster files in SIKIFANSO_HOME/templates/NAME.yaml, winning over a built-in of that name."},
        footer = {"", "Examples:", "  sikifanso cluster create lab1 --template rag-lab",
            "  sikifanso cluster create --template agent-lab --dry-run > ~/.sikifanso/templates/my-lab.yaml"})
final class ClusterTemplatesCommand extends BaseCommand {
    @Override
    int run() {
        perform(ClusterFileOps.CLUSTER_TEMPLATES, new ClusterOps.NoInput());
        return 0;
    }
}
