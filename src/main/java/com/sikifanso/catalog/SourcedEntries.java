package com.sikifanso.catalog;

import java.util.List;

/** The entries of every catalog source added on this machine, beside the built-in catalog. */
@FunctionalInterface
public interface SourcedEntries {
    SourcedEntries NONE = List::of;

    List<SourcedEntry> entries();
}
