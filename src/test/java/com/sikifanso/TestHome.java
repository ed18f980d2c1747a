package com.sikifanso;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A SIKIFANSO_HOME in a temp directory with the services wired as the CLI wires them. */
public final class TestHome {
    /** The cluster most tests work on. */
    public static final String CLUSTER = "lab";

    private final Path root;
    private final Services services;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    private TestHome(Path root, boolean includeLocalChanges) {
        this.root = root;
        this.services = new Services(BuildInfo.load(), new SikifansoHome(root), Duration.ofSeconds(5),
                progress::add, System.getenv(), includeLocalChanges);
    }

    public static TestHome at(Path root) {
        return new TestHome(root, false);
    }

    /** Services as the CLI wires them with --include-local-changes. */
    public static TestHome at(Path root, boolean includeLocalChanges) {
        return new TestHome(root, includeLocalChanges);
    }

    /** A home with {@link #CLUSTER} prepared from the embedded template, nothing enabled. */
    public static TestHome withCluster(Path root) {
        return at(root).prepare(CLUSTER);
    }

    public TestHome prepare(String cluster) {
        services.clusters().prepare(ClusterName.of(cluster), new TemplateSource.Embedded(), null);
        return this;
    }

    public Services services() {
        return services;
    }

    public Path root() {
        return root;
    }

    public Path clusterDir(String cluster) {
        return root.resolve("clusters").resolve(cluster);
    }

    public Path sessionFile(String cluster) {
        return clusterDir(cluster).resolve("session.yaml");
    }

    public Path gitOps(String cluster) {
        return clusterDir(cluster).resolve("gitops");
    }

    public Path gitOps() {
        return gitOps(CLUSTER);
    }

    public GitCli git(String cluster) {
        return new GitCli(gitOps(cluster));
    }

    public GitCli git() {
        return git(CLUSTER);
    }

    /** Messages the services printed while waiting (e.g. for a cluster lock). */
    public List<String> progress() {
        return progress;
    }
}
