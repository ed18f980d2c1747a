package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.Mappers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
    @TempDir
    Path home;

    @Test
    void versionNamesTheBuildTheJavaRuntimeAndThePlatform() {
        SikifansoProcess.Result r = InProcess.run(home, "version");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        BuildInfo build = BuildInfo.load();
        assertThat(r.stdout()).isEqualTo("Version:   " + build.version() + "\n"
                + "Commit:    " + build.commit() + "\n"
                + "Built:     " + build.buildDate() + "\n"
                + "Java:      " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + ", " + System.getProperty("java.home") + ")\n"
                + "Platform:  linux/x86_64\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void versionAsJsonCarriesTheSameFieldsAndTheBuildDateTheBuildStamped() throws Exception {
        SikifansoProcess.Result r = InProcess.run(home, "-o", "json", "version");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = Mappers.JSON.readTree(r.stdout());
        assertThat(json.path("version").asText()).isEqualTo(BuildInfo.load().version()).isNotEqualTo("dev");
        assertThat(json.path("commit").asText()).isEqualTo(BuildInfo.load().commit());
        assertThat(json.path("buildDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.path("java").path("version").asText()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(json.path("java").path("home").asText()).isEqualTo(System.getProperty("java.home"));
        assertThat(json.path("platform").path("os").asText()).isEqualTo("linux");
        assertThat(json.path("platform").path("arch").asText()).isEqualTo("x86_64");
    }

    @Test
    void versionTakesNoArguments() {
        SikifansoProcess.Result r = InProcess.run(home, "version", "extra");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: Unmatched argument at index 1: 'extra'");
        assertThat(r.stdout()).isEmpty();
    }
}
