package com.sikifanso.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.catalog.BuiltInCatalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CatalogLint;
import com.sikifanso.catalog.ChartAvailability;
import com.sikifanso.catalog.LintReport;
import com.sikifanso.catalog.SourceNames;
import com.sikifanso.catalog.SourcedEntries;
import com.sikifanso.catalog.SourcedEntry;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Community catalogs: sources of catalog entries beside the built-in catalog, each fetched from a git ref or an
 * OCI artifact, linted, and kept on this machine at the commit or digest it was read at
 * ({@code SIKIFANSO_HOME/catalog-sources/}: {@code sources.yaml} and a copy of each source's files), so what a
 * cluster enables never floats with a branch or tag; {@code update} alone moves the pin. Their entries are enabled
 * as {@code SOURCE/entry} ({@link SourceNames}).
 */
public final class CatalogSources implements SourcedEntries {
    /** With {@code --} between them, a source and an entry name still fit a 63-character Application name. */
    public static final int MAX_NAME = SourceNames.MAX_LENGTH - SourceNames.SEPARATOR.length() - CatalogLint.MAX_NAME;
    /** Below SIKIFANSO_HOME. */
    public static final String DIR = "catalog-sources";
    /** Writers of any sources file in this process (the file lock alone throws on a second lock in one JVM). */
    private static final java.util.concurrent.locks.ReentrantLock WRITERS = new java.util.concurrent.locks.ReentrantLock();
    private static final String FILE = "sources.yaml";
    /** What {@code app list} shows in its source column for the others. */
    private static final List<String> RESERVED = List.of("catalog", "custom");

    private final Path dir;
    private final DocumentSources documents;
    private final Supplier<ChartAvailability> charts;

    private record SourcesFile(List<CatalogSource> sources) {
        SourcesFile {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** What {@code update} did: the source as now recorded, the pin it had, and whether the pin changed. */
    public record Updated(CatalogSource source, String previousPin, boolean moved) {
        Updated(CatalogSource source, String previousPin) {
            this(source, previousPin, !source.pin().equals(previousPin));
        }
    }

    public CatalogSources(Path dir, DocumentSources documents, Supplier<ChartAvailability> charts) {
        this.dir = dir;
        this.documents = documents;
        this.charts = charts;
    }

    /** Where the sources are recorded (a rehearsal copies it into its throwaway home). */
    public Path directory() {
        return dir;
    }

    public List<CatalogSource> list() {
        return read().sources();
    }

    /** Fetches, lints and records a source; nothing is recorded when any of it fails. */
    public CatalogSource add(String name, String reference) {
        requireName(name);
        return exclusively(() -> addUnlocked(name, reference));
    }

    private CatalogSource addUnlocked(String name, String reference) {
        if (find(name).isPresent()) {
            throw SikifansoException.failure("there is already a catalog source named \"" + name + "\"",
                    "fetch it again with ", Suggestion.of("catalog", "source", "update").arg("name", name),
                    ", or pick another name");
        }
        ShareRef ref = ShareRef.parse(reference);
        return store(name, ref, fetchClean(name, ref));
    }

    /** Fetches the source's reference again and moves its pin, linted as {@code add} does. */
    public Updated update(String name) {
        return exclusively(() -> {
            CatalogSource old = get(name);
            ShareRef ref = ShareRef.parse(old.ref());
            return new Updated(store(name, ref, fetchClean(name, ref)), old.pin());
        });
    }

    /** Forgets a source and its files; clusters that enabled its entries keep their copies in their repos. */
    public CatalogSource remove(String name) {
        return exclusively(() -> {
            CatalogSource source = get(name);
            List<CatalogSource> rest = list().stream().filter(s -> !s.name().equals(name)).toList();
            write(new SourcesFile(rest));
            LocalFiles.deleteQuietly(dir.resolve(name));
            return source;
        });
    }

    /**
     * Runs a read-modify-write of the sources file while holding its lock: a thread lock for this process and a file
     * lock for others, so two {@code catalog source} commands at once never lose each other's source.
     */
    private <T> T exclusively(java.util.function.Supplier<T> change) {
        WRITERS.lock();
        try {
            Files.createDirectories(dir);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock ignored = channel.lock()) {
                return change.get();
            }
        } catch (IOException e) {
            throw SikifansoException.failure("cannot lock " + dir.resolve(".lock") + ": " + e.getMessage(),
                    "check that SIKIFANSO_HOME is writable; nothing was recorded", e);
        } finally {
            WRITERS.unlock();
        }
    }

    /** {@code catalog lint --source NAME}: the files as recorded. */
    public LintReport lint(String name, CatalogLint.Charts chartCheck) {
        CatalogSource source = get(name);
        return new CatalogLint(BuiltInCatalog.names()).lint("catalog source " + name + " (" + source.pinned() + ")",
                storedFiles(name), chartCheck);
    }

    @Override
    public List<SourcedEntry> entries() {
        List<SourcedEntry> all = new ArrayList<>();
        for (CatalogSource source : list()) {
            Map<String, String> files = storedFiles(source.name());
            for (String app : source.entries()) {
                all.add(SourcedEntry.of(source.name(), source.pin(), entry(source, files, app), source.entries(),
                        files.get("values/" + app + ".yaml")));
            }
        }
        return all;
    }

    public CatalogSource get(String name) {
        return find(name).orElseThrow(() -> {
            List<String> names = list().stream().map(CatalogSource::name).toList();
            return SikifansoException.failure("there is no catalog source named \"" + name + "\"", names.isEmpty()
                    ? "there are none; add one with: " : "sources: " + String.join(", ", names) + "; add one with: ",
                    Suggestion.of("catalog", "source", "add"));
        });
    }

    private Optional<CatalogSource> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static void requireName(String name) {
        Names.requireLabel("catalog source", name, MAX_NAME);
        if (name.contains(SourceNames.SEPARATOR) || RESERVED.contains(name)) {
            throw SikifansoException.usage("\"" + name + "\" cannot name a catalog source", "pick a name without \""
                    + SourceNames.SEPARATOR + "\" other than " + String.join(" and ", RESERVED)
                    + " (its entries are named NAME/entry)");
        }
    }

    private FetchedFiles fetchClean(String name, ShareRef ref) {
        FetchedFiles fetched = documents.fetchDirectory(ref, "a catalog source");
        // add and update always look the charts up: an unreachable repository has no way round but the network
        LintReport report = new CatalogLint(BuiltInCatalog.names()).lint(ref.text(), fetched.files(),
                new CatalogLint.Charts.Checked(charts.get(), null));
        CatalogLint.requireClean(report, "catalog source " + name + " (" + ref.text() + " at " + fetched.pin() + ")");
        return fetched;
    }

    /** Its files in a fresh directory moved into place, then the sources file: a failure leaves the old state. */
    private CatalogSource store(String name, ShareRef ref, FetchedFiles fetched) {
        List<String> entries = fetched.files().keySet().stream().filter(p -> !p.contains("/") && p.endsWith(".yaml"))
                .map(p -> p.substring(0, p.length() - ".yaml".length())).sorted().toList();
        CatalogSource source = new CatalogSource(name, ref.text(), fetched.pin(),
                CatalogSource.pinned(ref, fetched.pin()), entries);
        List<CatalogSource> sources = new ArrayList<>(list().stream().filter(s -> !s.name().equals(name)).toList());
        sources.add(source);
        sources.sort(java.util.Comparator.comparing(CatalogSource::name));
        Path staged = null;
        try {
            Files.createDirectories(dir);
            staged = Files.createTempDirectory(dir, "." + name + ".");
            for (Map.Entry<String, String> file : fetched.files().entrySet()) {
                if (file.getKey().endsWith(".yaml")) {
                    Path target = staged.resolve(file.getKey()).normalize();
                    if (!target.startsWith(staged)) {
                        throw SikifansoException.failure(ref.text() + " holds a file outside its directory: "
                                + file.getKey(), "remove it from the source");
                    }
                    LocalFiles.writeAtomically(target, file.getValue().getBytes(StandardCharsets.UTF_8), false);
                }
            }
            Path old = dir.resolve("." + name + ".old");
            LocalFiles.deleteQuietly(old);
            if (Files.exists(dir.resolve(name))) {
                Files.move(dir.resolve(name), old);
            }
            Files.move(staged, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            staged = null;
            try {
                write(new SourcesFile(sources));
            } catch (RuntimeException e) {
                LocalFiles.deleteQuietly(dir.resolve(name));
                if (Files.exists(old)) {
                    Files.move(old, dir.resolve(name));
                }
                throw e;
            }
            LocalFiles.deleteQuietly(old);
            return source;
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write " + dir + ": " + e.getMessage(),
                    "check that SIKIFANSO_HOME is writable; nothing was recorded", e);
        } finally {
            // A leftover staging directory is ignored by list and replaced by the next add.
            LocalFiles.deleteQuietly(staged);
        }
    }

    private CatalogEntry entry(CatalogSource source, Map<String, String> files, String app) {
        String text = files.get(app + ".yaml");
        try {
            if (text == null) {
                throw new IOException("the file is missing");
            }
            return Mappers.YAML.readValue(text, CatalogEntry.class);
        } catch (IOException e) {
            throw SikifansoException.failure("catalog source " + source.name() + ": " + dir.resolve(source.name())
                    .resolve(app + ".yaml") + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", "fetch it again with ", Suggestion.of("catalog", "source", "update")
                    .arg("name", source.name()));
        }
    }

    private Map<String, String> storedFiles(String name) {
        Path root = dir.resolve(name);
        return Files.isDirectory(root) ? com.sikifanso.catalog.CatalogDirectory.read(root) : Map.of();
    }

    private SourcesFile read() {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new SourcesFile(List.of());
        }
        try {
            SourcesFile read = Mappers.YAML.readValue(file.toFile(), SourcesFile.class);
            if (read == null || read.sources().stream().anyMatch(s -> s.name() == null || s.ref() == null
                    || s.pin() == null)) {
                throw new IOException("a source without name, ref or pin");
            }
            return read;
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw SikifansoException.failure("the catalog sources file " + file + " is not valid: "
                    + detail.lines().findFirst().orElse(""), "repair it, or delete it and add the sources again with ",
                    Suggestion.of("catalog", "source", "add"), " (clusters keep the entries they enabled)");
        }
    }

    private void write(SourcesFile sources) {
        try {
            LocalFiles.writeAtomically(dir.resolve(FILE), Mappers.YAML.writeValueAsBytes(sources), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }
}
