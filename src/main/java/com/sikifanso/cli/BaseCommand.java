package com.sikifanso.cli;

import com.sikifanso.Services;
import com.sikifanso.cli.render.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every leaf command shares: the global options, the services and the output. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private Output output;

    RootCommand root() {
        return (RootCommand) spec.root().userObject();
    }

    Services services() {
        return root().services();
    }

    Output out() {
        if (output == null) {
            output = root().output();
        }
        return output;
    }

    /** The cluster named positionally, else {@code -c/--cluster}, else SIKIFANSO_CLUSTER or "default". */
    String cluster(String positional) {
        return positional != null ? positional : root().cluster();
    }

    String cluster() {
        return root().cluster();
    }

    /** Whether the user named a cluster (-c/--cluster or SIKIFANSO_CLUSTER) rather than taking the default. */
    boolean clusterGiven() {
        return spec.commandLine().getParseResult().expandedArgs().stream()
                .anyMatch(a -> a.equals("-c") || a.startsWith("-c") && a.length() > 2 && !a.startsWith("--")
                        || a.startsWith("--cluster"))
                || root().env().containsKey("SIKIFANSO_CLUSTER");
    }

    @Override
    public final Integer call() {
        return run();
    }

    abstract int run();
}
