package com.sikifanso.credentials;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.SikifansoHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values sikifanso generated for one cluster, {@code clusters/<name>/credentials.yaml} (mode
 * 0600, beside the session, outside the GitOps repo): app → Secret → key → value. The cluster's
 * Secrets are created from it, so a Secret deleted by hand comes back with the same values, and a
 * snapshot taken with --include-secrets carries it to a new cluster.
 */
public final class CredentialStore {
    public static final String FILE = "credentials.yaml";
    private static final TypeReference<TreeMap<String, TreeMap<String, TreeMap<String, String>>>> SHAPE =
            new TypeReference<>() {
            };

    private final SikifansoHome home;

    public CredentialStore(SikifansoHome home) {
        this.home = home;
    }

    public Path file(ClusterName cluster) {
        return home.clusterDir(cluster).resolve(FILE);
    }

    /** App → Secret → key → value; empty when nothing was generated yet. */
    public Map<String, TreeMap<String, TreeMap<String, String>>> load(ClusterName cluster) {
        Path file = file(cluster);
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            TreeMap<String, TreeMap<String, TreeMap<String, String>>> read = Mappers.YAML.readValue(file.toFile(),
                    SHAPE);
            return read == null ? new TreeMap<>() : read;
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + file + ": " + e.getMessage(),
                    "restore it from a snapshot taken with ", Suggestion.of("snapshot", "capture")
                            .flag("includeSecrets").mention(), ", or move it away and rotate the apps' credentials: ",
                    Suggestion.of("app", "rotate-credentials").arg("name", "NAME"), e);
        }
    }

    public void save(ClusterName cluster, Map<String, TreeMap<String, TreeMap<String, String>>> values) {
        install(cluster, serialise(values));
    }

    /** The file's bytes as a snapshot carries them. */
    public static byte[] serialise(Map<String, TreeMap<String, TreeMap<String, String>>> values) {
        try {
            return Mappers.YAML.writeValueAsBytes(values);
        } catch (IOException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }

    /** Writes {@code bytes} (a carried store) as {@code cluster}'s, owner-only. */
    public void install(ClusterName cluster, byte[] bytes) {
        try {
            LocalFiles.writeAtomically(file(cluster), bytes, true);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write " + file(cluster) + ": " + e.getMessage(),
                    "check that " + home.clusterDir(cluster) + " is writable", e);
        }
    }
}
