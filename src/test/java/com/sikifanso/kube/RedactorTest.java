package com.sikifanso.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password=hunter2 user=bob|password=**** user=bob",
        "DB_PASSWORD: changeme|DB_PASSWORD: ****",
        "\"apiKey\": \"abc123def\"|\"apiKey\": \"****\"",
        "Authorization: Bearer abc.def.ghi|Authorization: Bearer ****",
        "using key sk-ant-api03-abcdefghijkl for calls|using key **** for calls",
        "LANGFUSE_SECRET_KEY=sk-lf-local|LANGFUSE_SECRET_KEY=****",
        "aws AKIAABCDEFGHIJKLMNOP here|aws **** here",
        "postgres://app:s3cret@db:5432/x|postgres://app:****@db:5432/x",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc|token ****",
        // Tool arguments are JSON text: a flag named like a secret stays readable, and the JSON stays JSON.
        "{\"cluster\":\"lab\",\"includeSecrets\":true}|{\"cluster\":\"lab\",\"includeSecrets\":true}",
        "{\"includeSecrets\":false,\"name\":\"s1\"}|{\"includeSecrets\":false,\"name\":\"s1\"}",
        "{\"token\":null}|{\"token\":null}",
        "{\"password\":\"true\"}|{\"password\":\"****\"}",
        "password=trueblue|password=****"})
    void masksWhatLooksLikeACredential(String line, String masked) {
        assertThat(Redactor.mask(line)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /healthz 200 3ms", "pulled image qdrant/qdrant:v1.17.1",
        "Readiness probe failed: connection refused", ""})
    void leavesOrdinaryLinesAlone(String line) {
        assertThat(Redactor.mask(line)).isEqualTo(line);
    }

    /** A huge unbroken token (a base64 blob in a tool result) used to take quadratic time; it must still mask. */
    @org.junit.jupiter.api.Test
    void aLongUnbrokenTokenIsReadOnceAndWhatFollowsItIsStillMasked() {
        String blob = "x".repeat(256 * 1024);

        assertThat(Redactor.mask(blob + " password=hunter2")).isEqualTo(blob + " password=" + Redactor.MASK);
    }
}
