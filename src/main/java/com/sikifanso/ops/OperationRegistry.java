package com.sikifanso.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every operation sikifanso offers to programs, in one list. */
public final class OperationRegistry {
    private final List<Operation<?, ?>> operations;

    public OperationRegistry() {
        List<Operation<?, ?>> all = new ArrayList<>();
        all.addAll(ClusterOps.all());
        all.addAll(CatalogOps.all());
        all.addAll(AgentOps.all());
        all.addAll(SnapshotOps.all());
        all.addAll(ArgoCdOps.all());
        all.addAll(KubeOps.all());
        all.addAll(DoctorOps.all());
        all.sort(Comparator.comparing(Operation::name));
        this.operations = List.copyOf(all);
    }

    public List<Operation<?, ?>> all() {
        return operations;
    }

    public Optional<Operation<?, ?>> find(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Binds {@code arguments} to the operation's input and runs it; for callers holding plain JSON. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object invoke(String name, Map<String, Object> arguments, OperationContext context) {
        Operation operation = find(name).orElseThrow(() -> new InvalidArguments("unknown operation " + name));
        return operation.call(ArgumentBinder.bind(operation.input(), arguments), context);
    }
}
