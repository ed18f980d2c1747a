package com.sikifanso.cluster;

import com.sikifanso.core.SikifansoException;
import java.util.regex.Pattern;

/**
 * {@code --registry-create} in k3d's forms ({@code NAME[:HOST][:HOSTPORT]}, k3d v5.9.0 cmd/cluster/clusterCreate.go,
 * where the name is used as given), and sikifanso's older bare {@code PORT}: a registry named {@code name} (null: k3d's
 * {@code k3d-<cluster>-registry}) on host port {@code port} (0: a free one).
 */
public record RegistryRequest(String name, int port) {
    /** Docker's rule for container names, which this one becomes (and a host name in registries.yaml). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /** {@link #NAME} in words. */
    public static final String NAME_RULE = "letters, digits, '_', '.' and '-', starting with a letter or digit, at most"
            + " 63 characters";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final String FORMS = "write --registry-create PORT, NAME, NAME:PORT or NAME:127.0.0.1:PORT"
            + " (e.g. 5001, my-registry, my-registry:5001), or the flag alone for k3d-CLUSTER-registry on a free port";

    public static RegistryRequest parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty()) {
            return new RegistryRequest(null, 0);
        }
        if (DIGITS.matcher(s).matches()) {
            return new RegistryRequest(null, port(s));
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 3) {
            throw SikifansoException.usage("--registry-create \"" + s + "\" has too many parts", FORMS);
        }
        String name = parts[0];
        if (!NAME.matcher(name).matches()) {
            throw SikifansoException.usage("--registry-create \"" + s + "\": \"" + name + "\" is not a container name"
                    + " (" + NAME_RULE + ")", FORMS);
        }
        if (parts.length == 3 && !parts[1].equals("127.0.0.1") && !parts[1].equals("localhost")) {
            throw SikifansoException.usage("--registry-create \"" + s + "\": the registry is published on 127.0.0.1"
                    + " only, not " + parts[1], "leave the host out: " + name + ":" + parts[2]);
        }
        String port = parts[parts.length - 1];
        if (parts.length == 1) {
            return new RegistryRequest(name, 0);
        }
        if (!DIGITS.matcher(port).matches()) {
            throw SikifansoException.usage("--registry-create \"" + s + "\": \"" + port + "\" is not a port", FORMS);
        }
        return new RegistryRequest(name, port(port));
    }

    /** Whether {@code name} can be the registry container's name. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    private static int port(String digits) {
        int port = Integer.parseInt(digits);
        if (port > 65535) {
            throw SikifansoException.usage("--registry-create takes a host port from 1 to 65535, not " + port,
                    "write e.g. --registry-create 5001, or leave the port out for a free one");
        }
        return port;
    }
}
