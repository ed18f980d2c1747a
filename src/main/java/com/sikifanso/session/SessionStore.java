package com.sikifanso.session;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.log.Redaction;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads and writes cluster sessions under {@link SikifansoHome}. */
public final class SessionStore {
    private final SikifansoHome home;

    public SessionStore(SikifansoHome home) {
        this.home = home;
    }

    public SikifansoHome home() {
        return home;
    }

    public boolean exists(ClusterName cluster) {
        return Files.exists(home.sessionFile(cluster));
    }

    public Session load(ClusterName cluster) {
        Path file = home.sessionFile(cluster);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw SikifansoException.failure("no cluster named \"" + cluster + "\" (no session at " + file + ")",
                    "see the clusters you have with: ", Suggestion.of("cluster", "info").tool("cluster_list"),
                    ", or prepare this one with: ", Suggestion.of("cluster", "create").arg("name", cluster)
                            .flag("gitopsOnly"));
        } catch (AccessDeniedException e) {
            throw SikifansoException.failure("cannot read session file " + file + ": permission denied",
                    "make it readable by you (chmod 600 " + file + ") or set SIKIFANSO_HOME to a directory you own", e);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read session file " + file + ": " + e.getMessage(),
                    "check the file and its directory permissions", e);
        }
        return parse(cluster, file, bytes);
    }

    private static Session parse(ClusterName cluster, Path file, byte[] bytes) {
        Session session;
        try {
            session = Mappers.YAML.readValue(bytes, Session.class);
        } catch (IOException e) {
            throw corrupt(cluster, file, whatIsWrong(e), e);
        }
        if (session == null || session.clusterName() == null || session.gitOpsPath() == null) {
            throw corrupt(cluster, file, "clusterName or gitOpsPath is missing", null);
        }
        if (!session.clusterName().equals(cluster.value())) {
            throw corrupt(cluster, file, "it names cluster \"" + session.clusterName() + "\"", null);
        }
        if (session.services() != null && session.services().argocd() != null) {
            Redaction.secret(session.services().argocd().password()); // never in a log line
        }
        return session;
    }

    /** What a person repairing the file by hand needs: where, and what is wrong there, in YAML's terms not Java's. */
    private static String whatIsWrong(IOException e) {
        if (e instanceof MismatchedInputException m) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
            if (field.isEmpty()) {
                return m.getOriginalMessage().startsWith("No content") ? "it is empty"
                        : "it is not a mapping of the session's fields (clusterName, gitOpsPath, state...)";
            }
            if (m instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
                return field + " \"" + f.getValue() + "\" is not one of " + java.util.Arrays.stream(
                        f.getTargetType().getEnumConstants()).map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + at(m);
            }
            return field + " has a value of the wrong kind" + at(m);
        }
        if (e instanceof JsonProcessingException p) {
            // The parser's own lines, without the indented excerpts of the file it quotes between them.
            String problem = p.getOriginalMessage().lines().filter(l -> !l.isBlank() && !l.startsWith(" "))
                    .map(String::strip).collect(java.util.stream.Collectors.joining("; "));
            return "it is not valid YAML" + at(p) + (problem.isEmpty() ? "" : " (" + problem + ")");
        }
        return String.valueOf(e.getMessage());
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static SikifansoException corrupt(ClusterName cluster, Path file, String detail, Throwable cause) {
        return SikifansoException.failure("session file " + file + " is corrupt: " + detail,
                "repair the YAML by hand, or remove the cluster with: ", Suggestion.of("cluster", "delete")
                        .arg("cluster", cluster), " (its snapshots are kept)", cause);
    }

    /** Writes atomically (temp file, then rename) with mode 0600: it may hold the Argo CD password. */
    public void save(Session session) {
        Path file = home.sessionFile(session.name());
        try {
            byte[] bytes = Mappers.YAML.writeValueAsBytes(session);
            LocalFiles.writeAtomically(file, bytes, true);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write session file " + file + ": " + e.getMessage(),
                    "check that " + home.root() + " is writable, or set SIKIFANSO_HOME to a directory you own", e);
        }
    }

    /** Every directory under {@code clusters/} that holds a session file, sorted by name. */
    public List<String> names() {
        Path dir = home.clustersDir();
        if (!Files.isDirectory(dir)) {
            requireNoFileInTheWay(dir);
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> Files.isRegularFile(p.resolve("session.yaml")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .forEach(names::add);
        } catch (AccessDeniedException e) {
            throw SikifansoException.failure("cannot read " + dir + ": permission denied",
                    "make " + home.root() + " readable by you, or set SIKIFANSO_HOME to a directory you own", e);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot list " + dir + ": " + e.getMessage(), "check its permissions", e);
        }
        return names;
    }

    /** A home not made yet has no clusters; one at or under a regular file is a mistake to report, not "none". */
    private void requireNoFileInTheWay(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw SikifansoException.failure("cannot use " + home.root() + " as sikifanso's home: " + p
                            + " is a file, not a directory", "set SIKIFANSO_HOME to a directory you own");
                }
                return;
            }
        }
    }

    /** Removes the cluster's directory: session and GitOps repo. Snapshots live elsewhere and stay. */
    public void delete(ClusterName cluster) {
        Path dir = home.clusterDir(cluster);
        try {
            LocalFiles.deleteRecursively(dir);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot remove " + dir + ": " + e.getMessage(),
                    "remove it by hand: rm -rf " + dir, e);
        }
    }
}
