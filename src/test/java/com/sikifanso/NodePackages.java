package com.sikifanso;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one detector of Node.js and npm for the tests that run npm packages (NodeMcpClient, NodeAguiCheck,
 * ModernNodeClients): the programs a group of tests needs on PATH, and its packages in a directory of
 * {@code src/test}, installed there with npm on first use. Without the programs (or without npm when an install is
 * needed) the group's tests skip with a loud message (CI installs them: {@code .ci/run}); a failed install fails them.
 */
public final class NodePackages {
    private final String tests;
    private final Path dir;
    private final List<String> programs;
    private final List<String> installed;
    private final List<String> install;
    private final String howToGet;
    private Boolean ready;
    private String unavailable;

    /**
     * @param tests the group, as the skip message names it ("the MCP client tests")
     * @param dir where the packages are ({@code src/test/node})
     * @param programs what must be on PATH to run the tests ({@code node}, {@code npm}), none if the packages bring them
     * @param installed paths under {@code dir} that are there once the packages are installed
     * @param install the npm command that installs them in {@code dir}
     * @param howToGet what to install, said in the skip message
     */
    public NodePackages(String tests, Path dir, List<String> programs, List<String> installed, List<String> install,
                        String howToGet) {
        this.tests = tests;
        this.dir = dir;
        this.programs = programs;
        this.installed = installed;
        this.install = install;
        this.howToGet = howToGet;
    }

    /** Skips the calling test unless the programs and packages are there (installing the packages once if needed). */
    public synchronized void assumeAvailable() {
        if (ready == null) {
            ready = prepare();
            if (!ready) {
                System.err.println("""

                        ######################################################################
                        #  SKIPPING %s: %s
                        #  %s; .ci/run does this in CI.
                        ######################################################################
                        """.formatted(tests, unavailable, howToGet));
            }
        }
        assumeTrue(ready, () -> tests + " SKIPPED: " + unavailable);
    }

    private boolean prepare() {
        List<String> missing = programs.stream().filter(p -> !onPath(p)).toList();
        if (!missing.isEmpty()) {
            unavailable = String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " not on PATH";
            return false;
        }
        if (installed.stream().allMatch(p -> Files.exists(dir.resolve(p)))) {
            return true;
        }
        if (!onPath(install.getFirst())) {
            unavailable = install.getFirst() + " is not on PATH, and " + dir + " needs its packages installed";
            return false;
        }
        try {
            Path log = Files.createTempFile("npm-install", ".log");
            int exit = run(log);
            if (exit != 0) {
                fail(String.join(" ", install) + " in " + dir + " failed (exit " + exit + "):\n" + Files.readString(log));
            }
            Files.delete(log);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", install) + " in " + dir, e);
        }
        return true;
    }

    private int run(Path log) throws IOException {
        Process p = new ProcessBuilder(install).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", install) + " in " + dir + " did not finish within 600 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether {@code program} is an executable in a directory of PATH. */
    public static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
