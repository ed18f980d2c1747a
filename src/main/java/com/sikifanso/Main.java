package com.sikifanso;

import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.BuildInfo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: runs one command and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // A class or service looked up and not found costs a pass over every jar in lib/ (~140, each opened and its
        // manifest read): SLF4J's search for its provider and picocli's for Groovy made two before an MCP server's
        // first answer. Naming our provider and turning the Groovy check off skips both (and SLF4J's notice of it).
        System.setProperty("slf4j.provider", "com.sikifanso.log.RoutedLoggerProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.setProperty("picocli.disable.closures", "true");
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V") || args[0].equals("-v"))) {
            // The commonest probe of a CLI answers without building the command tree (JVM start-up only).
            System.out.println(BuildInfo.load().versionLine());
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (AotTraining.requested()) {
            System.exit(AotTraining.run(AotTraining.script(), System.getenv(), out, err));
        }
        int code = CommandLines.run(args, System.getenv(), out, err, System.console() != null);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
