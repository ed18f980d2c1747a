package com.sikifanso.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every operation sikifanso offers to programs, in one list. */
public final class OperationRegistry {
    private final List<Operation<?, ?>> operations;

    public OperationRegistry() {
        List<Operation<?, ?>> all = new ArrayList<>();
        all.addAll(ClusterOps.all());
        all.addAll(CatalogOps.all());
        all.addAll(AgentOps.all());
        all.sort(Comparator.comparing(Operation::name));
        this.operations = List.copyOf(all);
    }

    public List<Operation<?, ?>> all() {
        return operations;
    }

    public Optional<Operation<?, ?>> find(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
