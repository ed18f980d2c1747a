package com.sikifanso;

import com.sikifanso.cli.CommandLines;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: runs one command and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = CommandLines.run(args, System.getenv(), out, err, System.console() != null);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
