package com.sikifanso.cli;

import com.sikifanso.ops.ShareOps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "push", description = {"Push a profile bundle file to an OCI registry, as an ORAS artifact.",
    "Logins are Docker's (docker login REGISTRY).",
    "127.0.0.1 and localhost are reached over HTTP, others over HTTPS."},
        footer = {"", "Examples:", "  sikifanso profile push team-rag.yaml oci://ghcr.io/team/profiles:team-rag-v1"})
final class ProfilePushCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (sikifanso profile export ... --file).")
    Path file;

    @Parameters(index = "1", paramLabel = "REF", description = "oci://REGISTRY/REPOSITORY:TAG")
    String reference;

    @Override
    int run() {
        perform(ShareOps.PUSH, new ShareOps.PushInput(file, reference));
        return 0;
    }
}
