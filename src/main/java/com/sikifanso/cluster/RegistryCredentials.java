package com.sikifanso.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DockerConfigFile;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials as the Docker CLI keeps them in {@code ~/.docker/config.json} (or
 * {@code $DOCKER_CONFIG}): a credential helper named for the registry ({@code credHelpers}), else
 * the {@code auths} entry, else the default store ({@code credsStore}). docker-java 3.7.0 reads
 * {@code auths} only ({@link DockerConfigFile}), so the helpers are run here the way the Docker CLI
 * runs them: {@code docker-credential-NAME get} with the server on stdin, JSON on stdout.
 */
final class RegistryCredentials {
    private static final long HELPER_TIMEOUT_SECONDS = 20;
    /** What a helper answers as Username when the secret is an identity token. */
    private static final String TOKEN_USER = "<token>";

    private final Path configDir;
    private final Map<String, String> env;

    RegistryCredentials(Map<String, String> env) {
        this.env = env;
        String dir = env.get("DOCKER_CONFIG");
        this.configDir = dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
    }

    /** The credentials for the image's registry, or empty to pull anonymously. */
    Optional<AuthConfig> forImage(ImageReference image) {
        Path file = configDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode config;
        try {
            config = Mappers.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + file + ": " + e.getMessage(),
                    "fix or remove the file (docker login writes it again)", e);
        }
        String key = image.configKey();
        String helper = config.path("credHelpers").path(key).asText(config.path("credHelpers")
                .path(image.registry()).asText(""));
        if (!helper.isEmpty()) {
            return fromHelper(helper, key);
        }
        Optional<AuthConfig> stored = fromAuths(file, key);
        if (stored.isPresent()) {
            return stored;
        }
        String store = config.path("credsStore").asText("");
        return store.isEmpty() ? Optional.empty() : fromHelper(store, key);
    }

    private Optional<AuthConfig> fromAuths(Path file, String key) {
        try {
            AuthConfig auth = DockerConfigFile.loadConfig(Mappers.JSON.copy()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                            false), configDir.toString()).resolveAuthConfig(key);
            boolean empty = auth == null || auth.getUsername() == null && auth.getIdentitytoken() == null;
            return empty ? Optional.empty() : Optional.of(auth.withRegistryAddress(key));
        } catch (IOException | RuntimeException e) {
            throw SikifansoException.failure("cannot read the registry logins in " + file + ": " + e.getMessage(),
                    "fix the file, or sign in again with docker login", e);
        }
    }

    /** The program on this environment's PATH (the JVM would search its own), else the bare name. */
    private String locate(String program) {
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }

    private Optional<AuthConfig> fromHelper(String helper, String server) {
        String program = "docker-credential-" + helper;
        try {
            Process p = new ProcessBuilder(locate(program), "get").start();
            p.getOutputStream().write(server.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw SikifansoException.failure(program + " did not answer within " + HELPER_TIMEOUT_SECONDS + " s",
                        "unlock the credential store it uses, or sign in again with docker login");
            }
            if (p.exitValue() != 0) {
                // "credentials not found in native keychain": nothing stored, pull anonymously.
                return Optional.empty();
            }
            JsonNode answer = Mappers.JSON.readTree(out);
            String user = answer.path("Username").asText("");
            String secret = answer.path("Secret").asText("");
            AuthConfig auth = new AuthConfig().withRegistryAddress(server);
            return Optional.of(TOKEN_USER.equals(user) ? auth.withIdentityToken(secret)
                    : auth.withUsername(user).withPassword(secret));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot run the credential helper " + program + " named in "
                    + configDir.resolve("config.json") + ": " + e.getMessage(),
                    "install " + program + " or remove it from config.json", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted", null);
        }
    }
}
