package dev.interfeedback.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <rule>} of the check goal, as in jacoco's: which elements it covers and the limits
 * they must meet.
 *
 * <pre>{@code
 * <rule>
 *   <element>BENCHMARK</element>          <!-- or CATEGORY -->
 *   <includes><include>*</include></includes>
 *   <limits>
 *     <limit><counter>CORRECTION_RATE</counter><minimum>45%</minimum></limit>
 *   </limits>
 * </rule>
 * }</pre>
 *
 * Benchmarks are named by id; categories as {@code <benchmark id>/<category>}. Patterns may use
 * {@code *} and {@code ?}.
 */
public class Rule {

    private String element = "BENCHMARK";
    private List<String> includes = new ArrayList<>(List.of("*"));
    private List<String> excludes = new ArrayList<>();
    private List<Limit> limits = new ArrayList<>();

    public String getElement() {
        return element;
    }

    public void setElement(String element) {
        this.element = element;
    }

    public List<String> getIncludes() {
        return includes;
    }

    public void setIncludes(List<String> includes) {
        this.includes = includes;
    }

    public List<String> getExcludes() {
        return excludes;
    }

    public void setExcludes(List<String> excludes) {
        this.excludes = excludes;
    }

    public List<Limit> getLimits() {
        return limits;
    }

    public void setLimits(List<Limit> limits) {
        this.limits = limits;
    }
}
