package com.sikifanso.cluster;

/**
 * An image name split the way Docker splits it: the registry host (Docker Hub when the first path
 * component looks like no host), the repository and the tag or digest.
 */
record ImageReference(String registry, String repository, String tag) {
    static final String DOCKER_HUB = "docker.io";
    /** The key Docker itself stores Docker Hub's credentials under in config.json. */
    static final String DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";

    static ImageReference parse(String image) {
        String name = image;
        String tag = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            // A digest pins the image; Docker takes it as part of fromImage.
            return new ImageReference(registryOf(name.substring(0, at)), name, null);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        return new ImageReference(registryOf(name), name, tag == null ? "latest" : tag);
    }

    private static String registryOf(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return DOCKER_HUB;
        }
        String first = name.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? first : DOCKER_HUB;
    }

    /** The key config.json's auths and credHelpers use for this registry. */
    String configKey() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_CONFIG_KEY : registry;
    }

    /** How to sign in to this registry, as a user types it. */
    String loginCommand() {
        return registry.equals(DOCKER_HUB) ? "docker login" : "docker login " + registry;
    }
}
