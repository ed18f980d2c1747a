package com.sikifanso.ops;

import java.util.List;
import java.util.Map;

/**
 * What a mutating operation would do, shown before it runs so a person (or the AI operator's approver) can say yes:
 * the operation, its arguments, how risky it is, and — for an operation whose change is a GitOps commit — the files
 * it would touch and the diff it would commit, computed without committing.
 *
 * @param files the repository paths the commit would touch; empty when the operation does not change the repository
 *        (a sync, a rotation of in-cluster secrets) or when nothing would change
 * @param diff the unified diff of that commit, secrets masked as {@code app diff} masks them; empty when {@code files} is
 */
public record Plan(String operation, Map<String, Object> arguments, Safety safety, String summary,
                   List<String> files, String diff) {

    public Plan {
        arguments = Map.copyOf(arguments);
        files = List.copyOf(files);
    }

    /** True when running the operation would make a commit. */
    public boolean changesRepository() {
        return !files.isEmpty();
    }
}
