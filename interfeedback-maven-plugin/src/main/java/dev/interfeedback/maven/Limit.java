package dev.interfeedback.maven;

/**
 * One {@code <limit>} of a rule: a counter and its minimum and/or maximum, written as a fraction
 * ({@code 0.45}) or a percentage ({@code 45%}).
 */
public class Limit {

    private String counter;
    private String minimum;
    private String maximum;

    public String getCounter() {
        return counter;
    }

    public void setCounter(String counter) {
        this.counter = counter;
    }

    public String getMinimum() {
        return minimum;
    }

    public void setMinimum(String minimum) {
        this.minimum = minimum;
    }

    public String getMaximum() {
        return maximum;
    }

    public void setMaximum(String maximum) {
        this.maximum = maximum;
    }
}
