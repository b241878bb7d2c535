package dev.interfeedback.config;

import dev.interfeedback.bench.shard.Shard;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which shard this machine runs: {@code interfeedback.shard=K/N} when set, else the parallel-job
 * variables of the CI system the run is in, else none. The setting wins, so a job can override
 * (or, with {@code 1/1}, switch off) what its CI system says.
 */
public final class ShardSetting {

    public static final String KEY = Settings.PREFIX + "shard";

    /**
     * A CI system's pair of variables: this job's index and the number of jobs.
     *
     * @param firstIndex what the index variable holds for the first job (0 or 1)
     */
    record CiVariables(String system, String index, String total, int firstIndex) {}

    static final List<CiVariables> CI = List.of(
            new CiVariables("GitLab", "CI_NODE_INDEX", "CI_NODE_TOTAL", 1),
            new CiVariables("CircleCI", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0),
            new CiVariables("Buildkite", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0));

    private ShardSetting() {}

    /**
     * @param environment reads environment variables
     * @return the shard, or empty when neither the setting nor a CI system's variables say one
     * @throws ConfigurationException naming the setting or the variables, when they hold no shard
     */
    public static Optional<Shard> of(Settings settings, Function<String, String> environment) {
        Optional<String> set = settings.get(KEY);
        if (set.isPresent()) {
            try {
                return Optional.of(Shard.parse(set.get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(KEY + ": " + e.getMessage());
            }
        }
        for (CiVariables ci : CI) {
            String index = environment.apply(ci.index()), total = environment.apply(ci.total());
            // GitLab sets CI_NODE_TOTAL=1 in every job, and the index only in a parallel one.
            if (index == null || index.isBlank() || total == null || total.isBlank()) continue;
            try {
                int k = Integer.parseInt(index.strip()) - ci.firstIndex() + 1;
                return Optional.of(Shard.parse(k + "/" + Integer.parseInt(total.strip())));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("the " + ci.system() + " parallel-job variables " + ci.index() + "=" + index
                        + " and " + ci.total() + "=" + total + " name no shard (" + ci.index() + " counts from "
                        + ci.firstIndex() + "); set " + KEY + "=K/N to override them");
            }
        }
        return Optional.empty();
    }
}
