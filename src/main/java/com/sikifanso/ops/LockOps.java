package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.clusterfile.LockDrift;
import com.sikifanso.clusterfile.LockFile;
import com.sikifanso.clusterfile.LockFileParser;
import com.sikifanso.clusterfile.LockFiles;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Lockfiles: what a cluster runs written down ({@code cluster lock}), and what drifted since ({@code diff-lock}). */
public final class LockOps {
    private LockOps() {
    }

    /** {@code file}: where the CLI writes the lock (default {@code sikifanso.lock}) or reads it from. */
    public record LockInput(@Param(Param.CLUSTER) String cluster, @JsonIgnore Path file) implements ClusterScoped {
        Path fileOrDefault() {
            return file == null ? Path.of(LockFile.DEFAULT_FILE) : file;
        }
    }

    public record LockWritten(String file, LockFile lock) {
    }

    /**
     * The cluster against its lock: each change, whether images were compared (both sides must have them; {@code
     * imagesNote} says why not), and the two commits for people ({@code drifted} is what the exit code says).
     */
    public record DriftReport(String cluster, String file, String lockedCommit, String currentCommit,
                              boolean imagesCompared, Optional<String> imagesNote, List<LockDrift.Change> changes,
                              boolean drifted) {
    }

    public static final Operation<LockInput, LockWritten> CLUSTER_LOCK = Operation.of("cluster_lock",
            "Write the cluster's lock: platform versions, apps with chart versions and values digests, agents,"
                    + " profiles, images in use, GitOps commit.", Toolset.cluster, Safety.READ, LockInput.class,
            LockWritten.class, LockOps::lock, LockOps::writtenText)
            .cliOnly("it writes a file on the user's machine; cluster_info, app_list and app_status show the same"
                    + " cluster to a program");

    public static final Operation<LockInput, DriftReport> CLUSTER_DIFF_LOCK = Operation.of("cluster_diff_lock",
            "What drifted in a cluster since its lock was written: apps added or removed, versions, values, images.",
            Toolset.cluster, Safety.READ, LockInput.class, DriftReport.class, LockOps::diff, LockOps::driftText)
            .cliOnly("it reads a lock file on the user's machine (its content, with every app's values, is too"
                    + " large for a tool argument); app_list and app_status show a program the same state");

    static List<Operation<?, ?>> all() {
        return List.of(CLUSTER_LOCK, CLUSTER_DIFF_LOCK);
    }

    private static LockWritten lock(LockInput in, OperationContext ctx) {
        LockFile lock = ctx.services().lockFiles().lock(in.clusterName(), ctx.progress());
        Path file = in.fileOrDefault();
        try {
            LocalFiles.writeAtomically(file, LockFiles.yaml(lock).getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write " + file + ": " + e.getMessage(),
                    "give --file a path in a directory you can write", e);
        }
        return new LockWritten(file.toString(), lock);
    }

    private static DriftReport diff(LockInput in, OperationContext ctx) {
        Path file = in.fileOrDefault();
        LockFile locked = LockFileParser.read(file);
        LockFile now = ctx.services().lockFiles().lock(in.clusterName(), msg -> { });
        List<LockDrift.Change> changes = LockDrift.between(locked, now);
        boolean imagesCompared = locked.imagesRecorded() && now.imagesRecorded();
        Optional<String> note = imagesCompared ? Optional.empty() : Optional.of(!locked.imagesRecorded()
                ? "the lock has none (" + imagesSource(locked) + ")" : "the cluster's are " + imagesSource(now));
        return new DriftReport(in.cluster(), file.toString(), commitOf(locked), commitOf(now), imagesCompared, note,
                changes, !changes.isEmpty());
    }

    private static String imagesSource(LockFile lock) {
        return lock.metadata() == null || lock.metadata().images() == null ? "not recorded" : lock.metadata().images();
    }

    private static String commitOf(LockFile lock) {
        return lock.metadata() == null ? null : lock.metadata().gitopsCommit();
    }

    private static String writtenText(LockWritten out) {
        LockFile l = out.lock();
        return "Wrote " + out.file() + " for cluster " + l.cluster() + " at commit "
                + CommitId.shortOf(l.metadata().gitopsCommit()) + ": " + l.apps().size() + " apps, "
                + l.customApps().size() + " custom apps, " + l.agents().size() + " agents, " + l.profiles().size()
                + " complete profiles, " + (l.imagesRecorded() ? l.images().size() + " images" : "no images") + ".\n";
    }

    private static String driftText(DriftReport out) {
        String commits = "locked at commit " + shortOrNone(out.lockedCommit()) + ", now "
                + shortOrNone(out.currentCommit());
        StringBuilder text = new StringBuilder();
        if (out.changes().isEmpty()) {
            text.append("No drift: cluster ").append(out.cluster()).append(" matches ").append(out.file())
                    .append(" (").append(commits).append(").\n");
        } else {
            text.append("Cluster ").append(out.cluster()).append(" has drifted from ").append(out.file()).append(" (")
                    .append(commits).append("):\n");
            out.changes().forEach(c -> text.append("  ").append(c.text()).append('\n'));
        }
        out.imagesNote().ifPresent(n -> text.append("Images not compared: ").append(n).append(".\n"));
        return text.toString();
    }

    private static String shortOrNone(String commit) {
        return commit == null ? "(none)" : CommitId.shortOf(commit);
    }
}
