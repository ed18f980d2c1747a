package com.sikifanso.http;

import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.log.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The bearer token HTTP clients must send; made on first use and kept owner-only. */
public final class BearerToken {
    private final Path file;

    public BearerToken(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public String value() {
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file).strip();
                if (!token.isEmpty()) {
                    Redaction.secret(token);
                    return token;
                }
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LocalFiles.writeAtomically(file, (token + "\n").getBytes(StandardCharsets.UTF_8), true);
            Redaction.secret(token);
            return token;
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read or create the token file " + file + ": "
                    + e.getMessage(), "check that its directory is writable, or set SIKIFANSO_HOME", e);
        }
    }

    /** Compares in constant time, so the token cannot be guessed byte by byte from timings. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                value().getBytes(StandardCharsets.UTF_8));
    }
}
