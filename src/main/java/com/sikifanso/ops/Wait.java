package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code wait} input every mutation shares, declared once: its JSON name (Java's {@code wait} is taken by
 * {@link Object#wait()}), its default (false: a program asks for the wait; the CLI's default is its own) and its
 * description. Put it on a {@code boolean waitForSync} component, with {@link WaitInput}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonProperty(Wait.NAME)
public @interface Wait {
    String NAME = "wait";
    String DEFAULT = "false";

    /** What is waited for, written for a model to read; most changes converge through an Argo CD sync. */
    String value() default "Wait until Argo CD has applied it (at most 5 minutes)";
}
