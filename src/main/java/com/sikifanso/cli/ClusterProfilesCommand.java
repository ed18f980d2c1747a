package com.sikifanso.cli;

import com.sikifanso.catalog.Profile;
import com.sikifanso.core.Table;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "profiles", description = {"List the profiles: named sets of catalog apps.",
    "Profiles compose: --profile agent-dev,rag enables the union."})
final class ClusterProfilesCommand extends BaseCommand {
    @Override
    int run() {
        List<Profile> profiles = services().profiles().all();
        out().result(profiles, () -> {
            Table t = new Table("NAME", "DESCRIPTION", "APPS");
            profiles.forEach(p -> t.row(p.name(), p.description(), String.join(", ", p.apps())));
            return t.render();
        });
        return 0;
    }
}
