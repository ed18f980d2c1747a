package com.sikifanso.ops;

/** An input with a {@code wait} field: whether to wait until the change has converged in the cluster. */
public interface WaitInput {
    boolean waitForSync();
}
