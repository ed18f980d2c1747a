package com.sikifanso.cli;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.CatalogOps;
import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = {"Add a custom Helm chart as an app, in one commit.",
    "On a terminal, missing flags are asked for; otherwise they are required.",
    "With no arguments on a terminal, opens the catalog browser (as sikifanso app browse)."},
        footer = {"", "Examples:", "  sikifanso app add                 # on a terminal: the catalog browser",
            "  sikifanso app add podinfo --repo https://stefanprodan.github.io/podinfo \\",
            "      --chart podinfo --version 6.10.1 --namespace podinfo --values podinfo-values.yaml"})
final class AppAddCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "App name (a DNS-1123 label).")
    String name;

    @Option(names = "--repo", paramLabel = "URL", description = "Helm repository URL.")
    String repo;

    @Option(names = "--chart", paramLabel = "CHART", description = "Chart name in that repository (default: NAME).")
    String chart;

    @Option(names = "--version", paramLabel = "VERSION", description = "Chart version, or * for the latest.")
    String version;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace to deploy into (default: NAME).")
    String namespace;

    @Option(names = "--values", paramLabel = "FILE", description = "Helm values file to commit with the app.")
    Path values;

    @Option(names = "--verify", description = "Ask the repository now whether the chart and version exist.")
    boolean verify;

    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        if (noArguments() && root().terminal()) {
            return AppBrowseCommand.browse(this, wait);
        }
        Console console = root().terminal() ? System.console() : null;
        if (console != null) {
            name = ask(console, "App name", name, null);
            repo = ask(console, "Helm repo URL", repo, null);
            chart = ask(console, "Chart name", chart, name);
            version = ask(console, "Chart version", version, "*");
            namespace = ask(console, "Target namespace", namespace, name);
        } else {
            requireFlags();
        }
        perform(CatalogOps.ADD, new CatalogOps.AppAddInput(cluster(), name, repo, chart == null ? name : chart,
                version, namespace, null, verify, wait.waitForSync(), values), wait);
        return 0;
    }

    /** As the original: {@code app add} alone (--no-wait and --timeout aside) is the catalog browser. */
    private boolean noArguments() {
        return name == null && repo == null && chart == null && version == null && namespace == null
                && values == null && !verify;
    }

    private void requireFlags() {
        List<String> missing = new ArrayList<>();
        if (name == null) {
            missing.add("NAME");
        }
        if (repo == null) {
            missing.add("--repo");
        }
        if (version == null) {
            missing.add("--version");
        }
        if (!missing.isEmpty()) {
            throw SikifansoException.usage("missing " + String.join(", ", missing)
                            + " (no terminal to ask on)",
                    "e.g. sikifanso app add podinfo --repo https://stefanprodan.github.io/podinfo --chart podinfo "
                            + "--version 6.10.1 --namespace podinfo" + (noArguments() ? "; for a catalog app: "
                            + "sikifanso app enable NAME" : ""));
        }
    }

    private static String ask(Console console, String label, String current, String fallback) {
        if (current != null) {
            return current;
        }
        String answer = console.readLine("  %s%s: ", label, fallback == null ? "" : " (" + fallback + ")");
        if (answer == null || answer.isBlank()) {
            if (fallback == null) {
                throw SikifansoException.usage(label.toLowerCase() + " is required", "type a value at the prompt");
            }
            return fallback;
        }
        return answer.strip();
    }
}
