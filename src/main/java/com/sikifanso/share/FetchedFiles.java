package com.sikifanso.share;

import com.sikifanso.core.SikifansoException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a directory fetched from a git commit or an OCI artifact, by their path below it, with what pins
 * them: the commit's id or the manifest's digest.
 *
 * @param source the reference as the user wrote it, for messages
 */
public record FetchedFiles(String source, String pin, Map<String, String> files) {
    /** A catalog of a few dozen entries is well under this; more is the wrong directory. */
    static final int MAX_FILES = 1000;
    static final long MAX_TOTAL_BYTES = 16L << 20;

    public FetchedFiles {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    static final class Builder {
        private final String source;
        private final String pin;
        private final Map<String, String> files = new TreeMap<>();
        private long total;

        Builder(String source, String pin) {
            this.source = source;
            this.pin = pin;
        }

        Builder add(String path, byte[] bytes) {
            total += bytes.length;
            if (files.size() >= MAX_FILES || total > MAX_TOTAL_BYTES) {
                throw SikifansoException.failure(source + " holds more than " + MAX_FILES + " files or 16 MiB,"
                        + " more than any catalog", "point the reference at the catalog's directory");
            }
            files.put(path, new String(bytes, StandardCharsets.UTF_8));
            return this;
        }

        FetchedFiles build() {
            return new FetchedFiles(source, pin, files);
        }
    }
}
