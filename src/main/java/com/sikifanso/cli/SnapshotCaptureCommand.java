package com.sikifanso.cli;

import com.sikifanso.ops.SnapshotOps;
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

    @Option(names = "--include-activity", description = "Also store the cluster's activity journal (`sikifanso events`, "
            + "secrets already redacted); a cluster created from the snapshot starts with that history. Left out by "
            + "default: a snapshot is the cluster's configuration, not its log.")
    boolean includeActivity;

    @Override
    int run() {
        perform(SnapshotOps.CAPTURE, new SnapshotOps.CaptureInput(cluster(), name, includeSecrets,
                includeActivity));
        return 0;
    }
}
