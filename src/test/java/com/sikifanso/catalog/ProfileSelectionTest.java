package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --profile agent-dev,rag is read once into a selection; the profiles resolve it, refusing unknown names. */
class ProfileSelectionTest {
    @Test
    void theCommaFormIsSplitOnceWithBlankPartsSkipped() {
        assertThat(ProfileSelection.parse(" agent-dev, ,rag,").names()).containsExactly("agent-dev", "rag");
        assertThat(ProfileSelection.parse(null)).isNull();
        assertThat(ProfileSelection.parse("agent-dev,rag")).hasToString("agent-dev,rag");
    }

    @Test
    void unknownAndMissingProfilesAreRefused() {
        Profiles profiles = new Profiles();

        assertThat(profiles.resolve(new ProfileSelection(List.of("rag", "rag"))))
                .extracting(Profile::name).containsExactly("rag");
        assertThatThrownBy(() -> profiles.resolve(new ProfileSelection(List.of("rag", "nope"))))
                .hasMessage("unknown profile \"nope\"");
        assertThatThrownBy(() -> profiles.resolve(ProfileSelection.parse(",")))
                .hasMessage("no profile named in \"\"");
    }
}
