package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "snapshot", description = {
    "Snapshots: a cluster's GitOps repo with its git history, and its session, in one archive.",
    "Archives live in $SIKIFANSO_HOME/snapshots/; the Argo CD password only with --include-secrets.",
    "A new cluster from a snapshot: sikifanso cluster create --from-snapshot NAME [CLUSTER]"},
        subcommands = {SnapshotCaptureCommand.class, SnapshotListCommand.class, SnapshotRestoreCommand.class,
            SnapshotDeleteCommand.class})
final class SnapshotCommand {
}
