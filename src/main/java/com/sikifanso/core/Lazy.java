package com.sikifanso.core;

import java.util.function.Supplier;

/** A value built on first use, once; start-up of a short command only pays for what it touches. */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> factory;
    private T value;

    private Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public static <T> Lazy<T> of(Supplier<T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public synchronized T get() {
        if (factory != null) {
            value = factory.get();
            factory = null;
        }
        return value;
    }
}
