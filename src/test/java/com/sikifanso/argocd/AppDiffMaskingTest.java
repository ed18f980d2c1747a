package com.sikifanso.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppDiffMaskingTest {
    @Test
    void aSecretsValuesAreNeverShown() {
        String yaml = AppDiffs.normalisedYaml("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},
                 "data":{"password":"Y2hhbmdlbWU="},"stringData":{"token":"abc"}}""");

        assertThat(yaml).contains("password: ", "token: ").doesNotContain("Y2hhbmdlbWU=", "abc");
    }

    @Test
    void credentialsInOtherObjectsAreMaskedToo() {
        String yaml = AppDiffs.normalisedYaml("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                 "spec":{"template":{"spec":{"containers":[{"name":"web","env":[
                   {"name":"DATABASE_URL","value":"postgres://app:s3cret@db:5432/app"}]}]}}}}""");

        assertThat(yaml).contains("postgres://app:****@db").doesNotContain("s3cret");
    }
}
