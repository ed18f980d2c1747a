package com.sikifanso.cli;

import java.util.Collections;
import java.util.Iterator;

/**
 * Markers for what a positional argument or option names. They have no values of their own:
 * {@link Completer} looks up the live names (from the session) when the shell asks.
 */
final class Candidates {
    private Candidates() {
    }

    abstract static class Dynamic implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Collections.emptyIterator();
        }
    }

    static final class Clusters extends Dynamic {
    }

    static final class ProfileNames extends Dynamic {
    }

    static final class CatalogApps extends Dynamic {
    }

    static final class DisabledApps extends Dynamic {
    }

    static final class EnabledApps extends Dynamic {
    }

    static final class CustomAppNames extends Dynamic {
    }

    static final class Agents extends Dynamic {
    }

    static final class Snapshots extends Dynamic {
    }

    /** Run ids in the cluster's activity journal, newest first. */
    static final class Runs extends Dynamic {
    }
}
