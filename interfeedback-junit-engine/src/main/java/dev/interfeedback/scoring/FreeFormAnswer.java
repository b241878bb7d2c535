package dev.interfeedback.scoring;

/**
 * A free-form answer read as mathematics.
 *
 * @param text the answer as cleaned (LaTeX dressing and units gone), what {@code extracted} records
 * @param label the name in front of an {@code =} ("Volume", "y", "f(x)", "(x, y)"), or null
 * @param value what the answer states: the side that is not the label (the last side of a chain
 *     {@code y = sin x = (90°, 5)}), or the whole answer without an {@code =}; null for an
 *     equation that is not a named value, such as {@code x^2/81 + y^2/9 = 1}
 * @param relation the whole equation or inequality, both sides kept, or null
 * @param dimension what the value's unit measures ({@link FreeFormReader#dimension}), or null without a unit
 */
record FreeFormAnswer(String text, String label, MathForm value, MathForm.Relation relation, String dimension) {}
