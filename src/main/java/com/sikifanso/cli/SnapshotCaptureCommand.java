package com.sikifanso.cli;

import com.sikifanso.snapshot.SnapshotService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "capture", description = {"Capture the cluster's GitOps repo (with its history) and session.",
    "The Argo CD password and the apps' generated credentials are left out unless",
    "--include-secrets is given."},
        footer = {"", "Examples:", "  sikifanso snapshot capture", "  sikifanso -c lab snapshot capture --name before-upgrade"})
final class SnapshotCaptureCommand extends BaseCommand {
    @Option(names = "--name", paramLabel = "NAME",
            description = "Snapshot name, a DNS-1123 label (default: CLUSTER-yyyyMMdd-HHmmss, UTC).")
    String name;

    @Option(names = "--include-secrets", description = "Also store the Argo CD password and the apps' generated credentials; the archive is then mode 0600.")
    boolean includeSecrets;

    @Override
    int run() {
        SnapshotService.Captured captured = services().snapshots().capture(cluster(), name, includeSecrets);
        captured.skipped().forEach(p -> out().warn("left out " + p + " (not a regular file or directory)"));
        var s = captured.snapshot();
        out().result(s, () -> "captured snapshot " + out().bold(s.name()) + " of cluster " + s.cluster() + " at "
                + SnapshotText.shortHead(s.gitHead()) + (s.includesSecrets() ? ", with secrets" : "") + "\n"
                + s.path() + "\n");
        return 0;
    }
}
