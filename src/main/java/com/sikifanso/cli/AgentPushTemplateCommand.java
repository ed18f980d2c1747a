package com.sikifanso.cli;

import com.sikifanso.ops.ShareOps;
import com.sikifanso.share.DocumentKind;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "push-template", description = {"Push an agent template file to an OCI registry (an ORAS artifact).",
    "Logins are Docker's (docker login REGISTRY); 127.0.0.1 and localhost are reached over HTTP."},
        footer = {"", "Examples:", "  sikifanso agent templates --show coding > coding.yaml",
            "  sikifanso agent push-template coding.yaml oci://ghcr.io/team/agents:coding"})
final class AgentPushTemplateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The agent template (kind: AgentTemplate).")
    Path file;

    @Parameters(index = "1", paramLabel = "REF", description = "oci://REGISTRY/REPOSITORY:TAG")
    String reference;

    @Override
    int run() {
        perform(ShareOps.PUSH, new ShareOps.PushInput(file, reference, DocumentKind.AGENT_TEMPLATE));
        return 0;
    }
}
