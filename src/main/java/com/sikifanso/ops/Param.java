package com.sikifanso.ops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes one input field of an operation, for the JSON Schema a model reads. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** Every tool's {@code cluster} (an input that {@link ClusterScoped}), described once. */
    String CLUSTER = "Name of the cluster";

    /** What the field means, written for a model to read. */
    String value();

    /** The value used when the field is left out; empty means the field is required. */
    String defaultValue() default "";

    /** An optional field with no default (null when left out). */
    boolean optional() default false;

    /** For an integer: the largest value accepted, stated in the schema as {@code maximum}; 0 for none. */
    int max() default 0;
}
