package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AuthConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.docker/config.json as docker login leaves it, with real credential helper programs on PATH. */
class RegistryCredentialsTest {
    @TempDir
    Path home;
    private Path bin;

    @BeforeEach
    void helpers() throws Exception {
        bin = Files.createDirectories(home.resolve("bin"));
        // What docker-credential-* programs do: read the server on stdin, answer JSON on stdout.
        helper("vault", "read server; printf '{\"ServerURL\":\"%s\",\"Username\":\"robot\",\"Secret\":\"s3cret\"}'"
                + " \"$server\"");
        helper("tokens", "read server; printf '{\"ServerURL\":\"%s\",\"Username\":\"<token>\",\"Secret\":\"tok\"}'"
                + " \"$server\"");
        helper("empty", "echo 'credentials not found in native keychain'; exit 1");
        Files.createDirectories(home.resolve(".docker"));
    }

    private void helper(String name, String body) throws Exception {
        Path p = bin.resolve("docker-credential-" + name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private RegistryCredentials withConfig(String json) throws Exception {
        Files.writeString(home.resolve(".docker/config.json"), json);
        return new RegistryCredentials(Map.of("HOME", home.toString(), "PATH", bin + ":/usr/bin:/bin"));
    }

    private static String basic(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRegistrysOwnHelperWinsOverAuthsAndTheDefaultStore() throws Exception {
        RegistryCredentials c = withConfig("""
                {"auths": {"ghcr.io": {"auth": "%s"}}, "credHelpers": {"ghcr.io": "vault"}, "credsStore": "tokens"}
                """.formatted(basic("stored:pw")));

        AuthConfig auth = c.forImage(ImageReference.parse("ghcr.io/acme/k3s:v1")).orElseThrow();

        assertThat(auth.getUsername()).isEqualTo("robot");
        assertThat(auth.getPassword()).isEqualTo("s3cret");
        assertThat(auth.getRegistryAddress()).isEqualTo("ghcr.io");
    }

    @Test
    void authsEntriesAreDecodedAndDockerHubUsesItsLegacyKey() throws Exception {
        RegistryCredentials c = withConfig("""
                {"auths": {"https://index.docker.io/v1/": {"auth": "%s"}}, "currentContext": "default"}
                """.formatted(basic("alice:hub-pw")));

        AuthConfig auth = c.forImage(ImageReference.parse("rancher/k3s:v1.36.3-k3s1")).orElseThrow();

        assertThat(auth.getUsername()).isEqualTo("alice");
        assertThat(auth.getPassword()).isEqualTo("hub-pw");
    }

    @Test
    void theDefaultStoreAnswersForTheRestAndATokenUserMeansAnIdentityToken() throws Exception {
        RegistryCredentials c = withConfig("""
                {"auths": {"quay.io": {}}, "credsStore": "tokens"}
                """);

        AuthConfig auth = c.forImage(ImageReference.parse("quay.io/acme/k3s:v1")).orElseThrow();

        assertThat(auth.getIdentitytoken()).isEqualTo("tok");
        assertThat(auth.getUsername()).isNull();
    }

    @Test
    void nothingStoredMeansAnAnonymousPull() throws Exception {
        assertThat(new RegistryCredentials(Map.of("HOME", home.toString()))
                .forImage(ImageReference.parse("rancher/k3s:v1"))).isEmpty();
        assertThat(withConfig("{\"credsStore\": \"empty\"}").forImage(ImageReference.parse("rancher/k3s:v1")))
                .isEmpty();
    }
}
