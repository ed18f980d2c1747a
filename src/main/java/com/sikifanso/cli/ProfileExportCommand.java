package com.sikifanso.cli;

import com.sikifanso.ops.ShareOps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = {"Write a cluster's profile bundle (docs/sharing.md).",
    "Its catalog apps with their chart versions and changed values, its custom apps and agents,",
    "with a digest; printed as YAML, or written to --file."},
        footer = {"", "Examples:", "  sikifanso profile export team-rag --from lab1 --file team-rag.yaml",
            "  sikifanso profile export team-rag --from lab1 > team-rag.yaml"})
final class ProfileExportCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The bundle's name (a DNS-1123 label).")
    String name;

    @Option(names = "--from", paramLabel = "CLUSTER", completionCandidates = Candidates.Clusters.class,
            description = "Cluster to export (default: -c/--cluster).")
    String from;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write the bundle here instead of stdout.")
    Path file;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the bundle is for.")
    String description;

    @Override
    int run() {
        perform(ShareOps.EXPORT, new ShareOps.ExportInput(cluster(from), name, description, file));
        return 0;
    }
}
