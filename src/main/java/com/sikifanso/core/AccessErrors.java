package com.sikifanso.core;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.LockFailedException;

/**
 * A failure whose cause is a permission problem, said as one line that names what to fix: the
 * file, or, for a temporary or lock file that could not be created, the directory it was to go in.
 */
public final class AccessErrors {
    private AccessErrors() {
    }

    /** {@code failure} as "permission denied on PATH" when a permission problem caused it. */
    public static Optional<SikifansoException> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Path denied = switch (t) {
                case AccessDeniedException e when e.getFile() != null -> Path.of(e.getFile());
                case LockFailedException e when e.getFile() != null -> e.getFile().toPath();
                default -> null;
            };
            if (denied != null) {
                Path fix = Files.exists(denied) || denied.getParent() == null ? denied : denied.getParent();
                return Optional.of(SikifansoException.failure("permission denied on " + fix,
                        "make it writable by you (ls -ld " + fix + "; chmod u+w " + fix
                                + "), or set SIKIFANSO_HOME to a directory you own", failure));
            }
        }
        return Optional.empty();
    }
}
