package dev.interfeedback.testing;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.episode.Episode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The episodes a run tells its consumer, by sample: a result holds only their totals, so a test
 * that looks at one sample's episode takes it from here.
 */
public final class ToldEpisodes implements Consumer<Episode> {

    private final Map<String, Episode> bySample = new ConcurrentHashMap<>();

    @Override
    public void accept(Episode episode) {
        if (bySample.putIfAbsent(episode.sampleId(), episode) != null) {
            throw new AssertionError("sample " + episode.sampleId() + " was told twice");
        }
    }

    public Episode of(String sampleId) {
        Episode episode = bySample.get(sampleId);
        if (episode == null) throw new AssertionError("sample " + sampleId + " was never told");
        return episode;
    }

    /** Every sample's episode, in the dataset's order; fails when a sample's is missing. */
    public List<Episode> inOrderOf(Dataset dataset) {
        if (bySample.size() != dataset.size()) {
            throw new AssertionError(bySample.size() + " episodes told for " + dataset.size() + " samples");
        }
        return dataset.samples().stream().map(sample -> of(sample.id())).toList();
    }
}
