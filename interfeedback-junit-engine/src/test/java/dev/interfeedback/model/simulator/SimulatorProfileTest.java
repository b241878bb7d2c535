package dev.interfeedback.model.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorProfileTest {

    @Test
    void parsesEveryParameter() {
        SimulatorProfile p = SimulatorProfile.parse(
                "simulator:?accuracy=0.3&binary-fix=0.1&detailed-fix=0.6&eliminate=false&leak=0.2&unparsed=0.05&seed=9");
        assertThat(p).isEqualTo(new SimulatorProfile(0.3, 0.1, 0.6, false, 0.2, 0.05, 9));
    }

    @Test
    void keepsDefaultsForWhatIsLeftOut() {
        assertThat(SimulatorProfile.parse("simulator:")).isEqualTo(SimulatorProfile.DEFAULT);
        assertThat(SimulatorProfile.parse("simulator://receiver?accuracy=0.9").accuracy()).isEqualTo(0.9);
    }

    @Test
    void namesAnUnknownParameterAndListsTheKnownOnes() {
        assertThatThrownBy(() -> SimulatorProfile.parse("simulator:?acuracy=0.3"))
                .hasMessageContaining("unknown simulator parameter \"acuracy\"")
                .hasMessageContaining("accuracy, binary-fix, detailed-fix");
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThatThrownBy(() -> SimulatorProfile.parse("simulator:?accuracy=1.5"))
                .hasMessageContaining("\"accuracy\"").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> SimulatorProfile.parse("simulator:?accuracy=high"))
                .hasMessageContaining("expected a number, found \"high\"");
        assertThatThrownBy(() -> SimulatorProfile.parse("simulator:?eliminate=maybe"))
                .hasMessageContaining("expected true or false");
        assertThatThrownBy(() -> SimulatorProfile.parse("simulator:?seed=1.5"))
                .hasMessageContaining("\"seed\"").hasMessageContaining("expected a whole number, found \"1.5\"");
    }
}
