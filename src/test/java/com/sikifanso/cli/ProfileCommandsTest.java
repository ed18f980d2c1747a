package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile commands as a user types them, between two --gitops-only clusters. */
class ProfileCommandsTest {
    @TempDir
    Path home;

    @Test
    void exportThenApplyWithADryRunFirstAndBadReferencesRefused() throws Exception {
        assertThat(InProcess.run(home, "cluster", "create", "lab1", "--gitops-only").exitCode()).isZero();
        assertThat(InProcess.run(home, "cluster", "create", "lab2", "--gitops-only").exitCode()).isZero();
        assertThat(InProcess.run(home, "-c", "lab1", "app", "enable", "qdrant", "--no-wait").exitCode()).isZero();
        Path file = home.resolve("rag.yaml");

        SikifansoProcess.Result export = InProcess.run(home, "profile", "export", "rag", "--from", "lab1", "--file",
                file.toString());
        GitCli lab2 = new GitCli(home.resolve("clusters/lab2/gitops"));
        String head = lab2.head();
        SikifansoProcess.Result plan = InProcess.run(home, "-c", "lab2", "profile", "apply", file.toString(),
                "--dry-run");
        SikifansoProcess.Result apply = InProcess.run(home, "-c", "lab2", "profile", "apply", file.toString(),
                "--no-wait");
        SikifansoProcess.Result badScheme = InProcess.run(home, "-c", "lab2", "profile", "apply", "s3://b/rag.yaml");
        SikifansoProcess.Result missing = InProcess.run(home, "-c", "lab2", "profile", "apply", "nope.yaml");

        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(export.stdout()).startsWith("Wrote profile bundle rag to " + file + ": 1 catalog apps");
        assertThat(Files.readString(file)).contains("kind: ProfileBundle", "- name: qdrant");
        assertThat(plan.exitCode()).as(plan.stderr()).isZero();
        assertThat(plan.stdout()).contains("catalog/qdrant.yaml", "+enabled: true");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(apply.stdout()).contains("Applied profile bundle rag (sha256:", "Enabled: qdrant");
        assertThat(lab2.subjects().get(0)).startsWith("profile bundle rag (sha256:");
        // The dry run committed nothing and the apply one commit: the head before is the new commit's parent.
        assertThat(lab2.log("%H").indexOf(head)).isEqualTo(1);
        assertThat(badScheme.exitCode()).isEqualTo(2);
        assertThat(badScheme.stderr()).contains("has a scheme sikifanso cannot fetch from", "oci://");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nope.yaml does not exist");
    }
}
