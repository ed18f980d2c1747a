package com.sikifanso.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line inside the test JVM, exactly as {@code Main} does but with captured streams. */
public final class InProcess {
    private InProcess() {
    }

    public static SikifansoProcess.Result run(Path home, String... args) {
        return run(home, Map.of(), false, args);
    }

    public static SikifansoProcess.Result run(Path home, Map<String, String> extraEnv, boolean terminal, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("SIKIFANSO_HOME", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true), terminal);
        return new SikifansoProcess.Result(code, out.toString(), err.toString());
    }
}
