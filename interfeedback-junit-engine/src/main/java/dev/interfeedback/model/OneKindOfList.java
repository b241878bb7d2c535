package dev.interfeedback.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Unmodifiable copies whose class is the same whatever their size. {@code List.copyOf} gives one
 * class up to two elements and another beyond: a run's round-0 requests hold one or two messages
 * and its feedback rounds more, so the code that reads requests (their encoding, cache key and
 * journal line) was compiled for one kind of list and compiled again, at its largest, when the
 * feedback rounds began.
 */
final class OneKindOfList {

    private OneKindOfList() {}

    /** @throws NullPointerException when the list or an element is null, as {@code List.copyOf} does */
    @SuppressWarnings("unchecked")
    static <T> List<T> copyOf(List<? extends T> list) {
        Object[] elements = list.toArray();
        for (Object element : elements) Objects.requireNonNull(element);
        return (List<T>) Collections.unmodifiableList(Arrays.asList(elements));
    }
}
