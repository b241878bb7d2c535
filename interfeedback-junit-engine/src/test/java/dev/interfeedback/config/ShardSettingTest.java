package dev.interfeedback.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.bench.shard.Shard;
import dev.interfeedback.testing.TestSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardSettingTest {

    private static final Settings UNSET = TestSettings.of(Map.of());

    @Test
    void noSettingAndNoCiVariablesIsNoShard() {
        assertThat(ShardSetting.of(UNSET, name -> null)).isEmpty();
        // GitLab sets CI_NODE_TOTAL=1 in every job; only a parallel job has an index.
        assertThat(ShardSetting.of(UNSET, Map.of("CI_NODE_TOTAL", "1")::get)).isEmpty();
    }

    @Test
    void readsGitLabCountingFromOneAndCircleCiAndBuildkiteCountingFromZero() {
        assertThat(ShardSetting.of(UNSET, Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "4")::get)).contains(new Shard(3, 4));
        assertThat(ShardSetting.of(UNSET, Map.of("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "2")::get)).contains(new Shard(1, 2));
        assertThat(ShardSetting.of(UNSET, Map.of("BUILDKITE_PARALLEL_JOB", "4", "BUILDKITE_PARALLEL_JOB_COUNT", "5")::get))
                .contains(new Shard(5, 5));
    }

    @Test
    void theSettingWinsOverTheCiVariables() {
        Settings set = TestSettings.of(Map.of(ShardSetting.KEY, "1/1"));
        assertThat(ShardSetting.of(set, Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "4")::get)).isEqualTo(Optional.of(Shard.ALL));
    }

    @Test
    void aBadSettingOrBadVariablesAreRefusedByName() {
        assertThatThrownBy(() -> ShardSetting.of(TestSettings.of(Map.of(ShardSetting.KEY, "0/4")), name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("interfeedback.shard: expected K/N with K from 1 to N")
                .hasMessageContaining("found \"0/4\"");
        assertThatThrownBy(() -> ShardSetting.of(UNSET, Map.of("CI_NODE_INDEX", "0", "CI_NODE_TOTAL", "4")::get))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the GitLab parallel-job variables CI_NODE_INDEX=0 and CI_NODE_TOTAL=4 name no shard"
                        + " (CI_NODE_INDEX counts from 1); set interfeedback.shard=K/N to override them");
    }
}
