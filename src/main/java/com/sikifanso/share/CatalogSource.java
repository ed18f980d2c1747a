package com.sikifanso.share;

import java.util.List;

/**
 * A catalog source added on this machine ({@code catalog source add}), as {@code SIKIFANSO_HOME/catalog-sources/
 * sources.yaml} records it.
 *
 * @param ref the reference as given, which {@code catalog source update} fetches again (a branch or tag moves)
 * @param pin the commit id or manifest digest its entries were read at
 * @param pinned the reference that names exactly what was read: the commit after {@code @}, or the digest
 * @param entries the names of its entries, enabled as {@code NAME/entry}
 */
public record CatalogSource(String name, String ref, String pin, String pinned, List<String> entries) {
    public CatalogSource {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The reference pinned to {@code pin}: a git ref at the commit, an OCI reference by digest. */
    static String pinned(ShareRef ref, String pin) {
        return switch (ref) {
            case ShareRef.Git g -> "git+" + g.url() + "//" + g.path() + "@" + pin;
            case ShareRef.Oci o -> "oci://" + o.registry() + "/" + o.repository() + "@" + pin;
            case ShareRef.LocalFile f -> throw new IllegalArgumentException("a local file has no pin");
        };
    }
}
