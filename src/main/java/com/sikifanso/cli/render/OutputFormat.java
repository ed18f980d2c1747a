package com.sikifanso.cli.render;

/** {@code -o/--output}: a table for people, JSON or YAML for programs. */
public enum OutputFormat {
    table, json, yaml
}
