package dev.interfeedback.scoring;

import java.util.List;

/**
 * A free-form answer read as mathematics.
 *
 * @param text the answer as cleaned (LaTeX dressing and units gone), what {@code extracted} records
 * @param label the name in front of an {@code =} ("Volume", "y", "f(x)", "(x, y)"), or null
 * @param values what the answer states: the sides that are not the label (the last side of a chain
 *     {@code y = sin x = (90°, 5)}), or the whole answer without an {@code =}; empty for an
 *     equation that is not a named value, such as {@code x^2/81 + y^2/9 = 1}
 * @param relation the whole equation or inequality, both sides kept, or null
 * @param dimension what the value's unit measures ({@link FreeFormReader#dimension}), or null without a unit
 */
record FreeFormAnswer(String text, String label, List<MathForm> values, MathForm.Relation relation, String dimension) {}
