package com.sikifanso.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {
    @TempDir
    Path dir;

    @Test
    void filesAreOwnerOnlyAndRotatedKeepingAFew() throws IOException {
        Path file = dir.resolve("logs/cli.log");
        RotatingLogFile log = RotatingLogFile.open(file, 100, 2);
        for (int i = 0; i < 20; i++) {
            log.append("line %02d %s%n".formatted(i, "x".repeat(30)));
        }

        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("cli.log", "cli.log.1", "cli.log.2");
        }
        for (String name : new String[] {"cli.log", "cli.log.1", "cli.log.2"}) {
            Path f = file.resolveSibling(name);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(name).isEqualTo("rw-------");
            assertThat(Files.size(f)).as(name).isLessThanOrEqualTo(100);
        }
        assertThat(Files.readString(file)).contains("line 19");
        assertThat(Files.readString(file.resolveSibling("cli.log.2"))).doesNotContain("line 00");
    }

    @Test
    void aWorldReadableFileFromBeforeIsNarrowed() throws IOException {
        Path file = dir.resolve("mcp.log");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        RotatingLogFile.open(file, 1000, 3).append("new\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("old\nnew\n");
    }
}
