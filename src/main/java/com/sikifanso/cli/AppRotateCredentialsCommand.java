package com.sikifanso.cli;

import com.sikifanso.credentials.AppCredentials;
import com.sikifanso.credentials.CredentialText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rotate-credentials", description = {
    "Generate new credentials for a catalog app, write them over its Secrets and its consumers' copies,",
    "and restart their Deployments and StatefulSets. Values bound to stored data are kept.",
    "Apps of an older template that still hold literal passwords move to generated Secrets first (one commit)."},
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
