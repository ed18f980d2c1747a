package com.sikifanso.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version, git commit and build time stamped into the jar by the build. */
public record BuildInfo(String version, String commit, String buildDate) {

    public BuildInfo(String version, String commit) {
        this(version, commit, "unknown");
    }

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/sikifanso-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable stamp only costs the version line its detail.
        }
        return new BuildInfo(p.getProperty("version", "dev"), stamped(p, "commit"), stamped(p, "buildDate"));
    }

    /** A value the build filled in, or "unknown" when it did not (an IDE build leaves the placeholder). */
    private static String stamped(Properties p, String key) {
        String value = p.getProperty(key, "");
        return value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    public String versionLine() {
        return "sikifanso " + version + " (commit " + commit + ")";
    }
}
