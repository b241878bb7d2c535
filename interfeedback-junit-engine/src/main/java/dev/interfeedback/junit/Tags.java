package dev.interfeedback.junit;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/** A benchmark's tags, which its samples and rounds carry too, so tag filters select samples. */
final class Tags {

    private Tags() {}

    static Set<TestTag> of(BenchmarkDefinition definition) {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (String tag : definition.tags()) {
            if (TestTag.isValid(tag)) tags.add(TestTag.create(tag.trim()));
        }
        return tags;
    }
}
