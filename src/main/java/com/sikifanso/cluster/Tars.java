package com.sikifanso.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Tars for {@code PUT /containers/{id}/archive?path=/}, the way files get into a node before it starts. */
final class Tars {
    private Tars() {
    }

    /** One file at the absolute {@code path}; Docker creates missing parent directories (0755) as it unpacks. */
    static byte[] singleFile(String path, byte[] content, int mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(path.substring(1));
            entry.setMode(mode);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a tar to memory", e);
        }
        return bytes.toByteArray();
    }
}
