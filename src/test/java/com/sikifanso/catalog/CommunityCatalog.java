package com.sikifanso.catalog;

import com.sikifanso.gitops.GitServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A community catalog for tests: entry files under {@code entries/} of a real git repository (made with the git CLI,
 * read as a catalog source over {@code git+file://}), whose charts a {@link HelmRepoServer} on this machine serves.
 */
public final class CommunityCatalog implements AutoCloseable {
    private final Path dir;
    private final HelmRepoServer charts;

    private CommunityCatalog(Path dir, HelmRepoServer charts) {
        this.dir = dir;
        this.charts = charts;
    }

    /** An empty repository at {@code dir} (branch main) and a chart repository serving {@code charts}. */
    public static CommunityCatalog serving(Path dir, Map<String, List<String>> charts) throws Exception {
        HelmRepoServer server = HelmRepoServer.start(charts);
        CommunityCatalog catalog = new CommunityCatalog(dir, server);
        Files.createDirectories(dir);
        catalog.git("init", "--quiet", "--initial-branch=main");
        return catalog;
    }

    /** The repository's root. */
    public Path dir() {
        return dir;
    }

    /** Where the entries are: the source's directory. */
    public Path entries() {
        return dir.resolve("entries");
    }

    /** The chart repository's URL, for the entries' repoURL. */
    public String chartsUrl() {
        return charts.url();
    }

    /** The source's reference: the entries at branch main. */
    public String ref() {
        return "git+file://" + dir + "//entries@main";
    }

    /** Commits everything in the work tree. */
    public void commitAll(String message) throws Exception {
        git("add", "-A");
        git("commit", "--quiet", "-m", message);
    }

    /** Runs the git CLI in the repository; its output, stripped. */
    public String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return GitServers.run(command, dir).strip();
    }

    @Override
    public void close() {
        charts.close();
    }
}
