package com.sikifanso.cli;

import com.sikifanso.ops.ShareOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "apply", description = {"Apply a profile bundle to a cluster in one commit.",
    "Enables its catalog apps (and what they depend on) at its chart versions with its values,",
    "and adds or replaces its custom apps and agents. Everything is checked first: a bundle",
    "that does not fit the cluster changes nothing."},
        footer = {"", "Examples:", "  sikifanso -c lab2 profile apply team-rag.yaml",
            "  sikifanso -c lab2 profile apply oci://ghcr.io/team/profiles:team-rag-v1 --dry-run",
            "  sikifanso -c lab2 profile apply git+https://github.com/team/infra//profiles/team-rag.yaml@v1"})
final class ProfileApplyCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "REF",
            description = "A bundle: a file, oci://REGISTRY/REPO:TAG, or git+https://HOST/REPO//PATH@REF.")
    String reference;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        perform(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput(cluster(), reference, wait.waitForSync()), wait,
                dryRun);
        return 0;
    }
}
