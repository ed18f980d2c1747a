package com.sikifanso.cli;

import com.sikifanso.ops.CatalogOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "credentials", description = {"Show a catalog app's credentials generated for this cluster.",
    "They live in Secrets in the app's namespace and in clusters/<name>/credentials.yaml (mode 0600),",
    "never in git."},
        footer = {"", "Examples:", "  sikifanso app credentials litellm-proxy",
            "  sikifanso app credentials langfuse -o json"})
final class AppCredentialsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The catalog app whose credentials to show.")
    String app;

    @Override
    int run() {
        perform(CatalogOps.CREDENTIALS, new CatalogOps.CredentialsInput(cluster(), app));
        return 0;
    }
}
