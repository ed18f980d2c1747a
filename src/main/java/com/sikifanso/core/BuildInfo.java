package com.sikifanso.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and git commit stamped into the jar by the build. */
public record BuildInfo(String version, String commit) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/sikifanso-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable stamp only costs the version line its detail.
        }
        String commit = p.getProperty("commit", "");
        if (commit.isBlank() || commit.startsWith("${")) {
            commit = "unknown";
        }
        return new BuildInfo(p.getProperty("version", "dev"), commit);
    }

    public String versionLine() {
        return "sikifanso " + version + " (commit " + commit + ")";
    }
}
