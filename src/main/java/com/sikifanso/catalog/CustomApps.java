package com.sikifanso.catalog;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The custom apps committed under {@code apps/coordinates/}. */
public final class CustomApps {
    private CustomApps() {
    }

    public static List<CustomApp> load(Path repoDir) {
        return ApplicationNames.yamlNames(repoDir.resolve(CustomApp.COORDINATES_DIR)).stream()
                .map(name -> read(repoDir, name))
                .toList();
    }

    public static Optional<CustomApp> find(Path repoDir, String name) {
        return ApplicationNames.yamlNames(repoDir.resolve(CustomApp.COORDINATES_DIR)).contains(name)
                ? Optional.of(read(repoDir, name)) : Optional.empty();
    }

    private static CustomApp read(Path repoDir, String name) {
        Path file = repoDir.resolve(CustomApp.COORDINATES_DIR).resolve(name + ".yaml");
        try {
            CustomApp app = Mappers.YAML.readValue(file.toFile(), CustomApp.class);
            if (app == null) {
                throw SikifansoException.failure("custom app file " + file + " is empty",
                        "remove it with: ", Suggestion.of("app", "remove").arg("name", name));
            }
            return app.name() == null
                    ? new CustomApp(name, app.repoURL(), app.chart(), app.targetRevision(), app.namespace()) : app;
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw SikifansoException.failure("custom app file " + file + " is not valid: " + detail,
                    "fix the YAML, or remove the app with: ", Suggestion.of("app", "remove").arg("name", name), e);
        }
    }
}
