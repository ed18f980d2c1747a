package com.sikifanso.cli;

import com.sikifanso.ops.ShareOps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull", description = {"Fetch a profile bundle and check it (kind, version, digest).",
    "Printed, or written to --file; nothing in a cluster changes."},
        footer = {"", "Examples:", "  sikifanso profile pull oci://ghcr.io/team/profiles:team-rag-v1 --file team-rag.yaml",
            "  sikifanso profile pull git+https://github.com/team/infra//profiles/team-rag.yaml@v1"})
final class ProfilePullCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "REF",
            description = "oci://REGISTRY/REPO:TAG, git+https://HOST/REPO//PATH@REF (also git+file://), or a file.")
    String reference;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write the bundle here instead of stdout.")
    Path file;

    @Override
    int run() {
        perform(ShareOps.PULL, new ShareOps.PullInput(reference, file));
        return 0;
    }
}
