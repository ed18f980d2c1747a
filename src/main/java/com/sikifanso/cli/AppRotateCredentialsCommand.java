package com.sikifanso.cli;

import com.sikifanso.ops.CatalogOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rotate-credentials", description = {
    "Replace a catalog app's generated credentials and restart what reads them.",
    "New values go over its Secrets and its consumers' copies; their Deployments and StatefulSets",
    "restart. Values bound to stored data are kept. An app of an older template that still holds",
    "literal passwords moves to generated Secrets first, in one commit."},
        footer = {"", "Examples:", "  sikifanso app rotate-credentials valkey",
            "  sikifanso app rotate-credentials postgresql --timeout 10m"})
final class AppRotateCredentialsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The catalog app whose credentials to rotate.")
    String app;

    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        perform(CatalogOps.ROTATE_CREDENTIALS, new CatalogOps.AppChange(cluster(), app, wait.waitForSync()), wait);
        return 0;
    }
}
