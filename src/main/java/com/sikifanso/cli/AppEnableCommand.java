package com.sikifanso.cli;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.CatalogOps;
import com.sikifanso.ops.ClusterOps;
import com.sikifanso.catalog.ProfileSelection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "enable", description = {"Enable catalog apps and, transitively, what they depend on.",
    "One commit to the GitOps repo; Argo CD deploys it."},
        footer = {"", "Examples:", "  sikifanso app enable qdrant", "  sikifanso app enable --profile agent-dev,rag"})
final class AppEnableCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "APP", completionCandidates = Candidates.DisabledApps.class,
            description = "Catalog apps to enable.")
    List<String> apps;

    @Option(names = "--profile", paramLabel = "PROFILES", completionCandidates = Candidates.ProfileNames.class,
            description = "Enable the union of these profiles' apps, e.g. agent-dev,rag.")
    ProfileSelection profile;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        boolean hasApps = apps != null && !apps.isEmpty();
        if (hasApps == (profile != null)) {
            throw SikifansoException.usage("name the apps to enable, or --profile, but not both",
                    "e.g. sikifanso app enable qdrant, or sikifanso app enable --profile agent-dev");
        }
        if (hasApps) {
            perform(CatalogOps.ENABLE, new CatalogOps.EnableInput(cluster(), apps, wait.waitForSync()), wait, dryRun);
        } else {
            perform(ClusterOps.PROFILE_APPLY, new ClusterOps.ProfileApplyInput(cluster(),
                    profile.names(), wait.waitForSync()), wait, dryRun);
        }
        return 0;
    }
}
