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
        all.addAll(ClusterFileOps.all());
        all.addAll(CatalogOps.all());
        all.addAll(AgentOps.all());
        all.addAll(SnapshotOps.all());
        all.addAll(ArgoCdOps.all());
        all.addAll(KubeOps.all());
        all.addAll(DoctorOps.all());
        all.addAll(EventsOps.all());
        all.addAll(GitOpsOps.all());
        all.addAll(AttachOps.all());
        all.addAll(RunOps.all());
        all.addAll(ShareOps.all());
        all.addAll(CatalogSourceOps.all());
        all.addAll(ImageOps.all());
        all.addAll(LockOps.all());
        all.sort(Comparator.comparing(Operation::name));
        this.operations = List.copyOf(all);
    }

    public List<Operation<?, ?>> all() {
        return operations;
    }

    public Optional<Operation<?, ?>> find(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Binds {@code arguments} to the operation's input and invokes it; for programs holding plain JSON. */
    public Object invoke(String name, Map<String, Object> arguments, OperationContext context) {
        return invoke(name, arguments, Surface.mcp, context);
    }

    public Object invoke(String name, Map<String, Object> arguments, Surface surface, OperationContext context) {
        Operation<?, ?> operation = find(name).orElseThrow(() -> new InvalidArguments("unknown operation " + name));
        return context.services().invocations().invokeUntyped(operation,
                ArgumentBinder.bind(operation.input(), arguments),
                new Invocations.Caller(surface, context.progress(), context.waitPolicy(), out -> { }));
    }
}
