package com.sikifanso.cli;

import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;

@Command(name = "profiles", description = {"List the profiles: named sets of catalog apps.",
    "Profiles compose: --profile agent-dev,rag enables the union."})
final class ClusterProfilesCommand extends BaseCommand {
    @Override
    int run() {
        perform(ClusterOps.PROFILE_LIST, new ClusterOps.NoInput());
        return 0;
    }
}
