package com.sikifanso.core;

import java.util.regex.Pattern;

/** Cluster, app, agent and snapshot names are DNS-1123 labels, as Kubernetes names them. */
public final class Names {
    public static final int MAX_LABEL = 63;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    public static final String RULE = "lowercase letters, digits and '-', starting and ending with a letter or digit,"
            + " at most " + MAX_LABEL + " characters";

    private Names() {
    }

    public static boolean isLabel(String name) {
        return name != null && name.length() <= MAX_LABEL && LABEL.matcher(name).matches();
    }

    /** Refuses a name that is not a DNS-1123 label; {@code kind} is "app", "cluster"... */
    public static String requireLabel(String kind, String name) {
        return requireLabel(kind, name, MAX_LABEL);
    }

    /** As {@link #requireLabel(String, String)} with a shorter limit, for names that get a prefix. */
    public static String requireLabel(String kind, String name, int maxLength) {
        if (name == null || name.isEmpty()) {
            throw SikifansoException.usage(kind + " name is required", "give a name made of " + RULE);
        }
        if (name.length() > maxLength || !LABEL.matcher(name).matches()) {
            String rule = maxLength == MAX_LABEL ? RULE : RULE.replace(MAX_LABEL + " characters", maxLength + " characters");
            throw SikifansoException.usage(
                    "invalid " + kind + " name \"" + name + "\": a name must be a DNS-1123 label (" + rule + ")",
                    "for example: " + suggestion(name, maxLength));
        }
        return name;
    }

    private static String suggestion(String name, int maxLength) {
        String s = name.toLowerCase().replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+", "");
        if (s.length() > maxLength) {
            s = s.substring(0, maxLength);
        }
        s = s.replaceAll("-+$", "");
        return s.isEmpty() ? "my-name" : s;
    }
}
