package com.sikifanso.cli;

import com.sikifanso.credentials.AppCredentials;
import com.sikifanso.credentials.CredentialText;
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
        AppCredentials.Rotation rotation = services().credentials().rotate(cluster(), app);
        out().result(rotation, () -> CredentialText.rotation(rotation));
        if (!wait.noWait) {
            services().credentials().awaitRestarted(cluster(), rotation.rotated(), wait.timeout, out()::info);
        }
        return 0;
    }
}
