package com.sikifanso.cli;

import com.sikifanso.core.BuildInfo;
import picocli.CommandLine.Command;

@Command(name = "version", description = {"Print the version, commit, build date, Java runtime and platform.",
    "With -o json|yaml, the same as data (for bug reports and scripts)."})
final class VersionCommand extends BaseCommand {

    /** What a bug report needs to know about this binary. */
    record VersionReport(String version, String commit, String buildDate, JavaRuntime java, Platform platform) {
        static VersionReport of(BuildInfo build) {
            return new VersionReport(build.version(), build.commit(), build.buildDate(), JavaRuntime.current(),
                    Platform.current());
        }
    }

    /** The runtime running this process: the bundled one in a release archive, else the JDK the launcher found. */
    record JavaRuntime(String version, String vendor, String home) {
        static JavaRuntime current() {
            return new JavaRuntime(System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                    System.getProperty("java.home"));
        }
    }

    /** os and arch in the release archives' spelling (linux, x86_64), so a report names the download to use. */
    record Platform(String os, String arch) {
        static Platform current() {
            String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
            String arch = System.getProperty("os.arch");
            return new Platform(os.startsWith("mac") ? "macos" : os.startsWith("windows") ? "windows" : os,
                    switch (arch) {
                        case "amd64", "x86_64" -> "x86_64";
                        case "aarch64", "arm64" -> "aarch64";
                        default -> arch;
                    });
        }
    }

    @Override
    int run() {
        VersionReport report = VersionReport.of(BuildInfo.load());
        out().result(report, () -> String.format("""
                Version:   %s
                Commit:    %s
                Built:     %s
                Java:      %s (%s, %s)
                Platform:  %s/%s
                """, report.version(), report.commit(), report.buildDate(), report.java().version(),
                report.java().vendor(), report.java().home(), report.platform().os(), report.platform().arch()));
        return 0;
    }
}
