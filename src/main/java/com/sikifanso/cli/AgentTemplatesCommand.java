package com.sikifanso.cli;

import com.sikifanso.ops.AgentOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "templates", description = {"List the built-in agent templates, or print one to copy and edit.",
    "Use one with: sikifanso agent create NAME --template NAME|FILE|oci://...|git+https://...//PATH@REF"},
        footer = {"", "Examples:", "  sikifanso agent templates",
            "  sikifanso agent templates --show coding > coding.yaml"})
final class AgentTemplatesCommand extends BaseCommand {
    @Option(names = "--show", paramLabel = "REF", description = "Print this template (a name, file or reference).")
    String show;

    @Override
    int run() {
        perform(AgentOps.TEMPLATES, new AgentOps.TemplatesInput(show));
        return 0;
    }
}
