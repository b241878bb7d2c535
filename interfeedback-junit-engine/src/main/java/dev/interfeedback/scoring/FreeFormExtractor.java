package dev.interfeedback.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a person would call the final answer of a free-form response (MathVerse style).
 * Marked answers are certain, in this order: a JSON {@code {"answer": ...}}, the last
 * "Answer:" line (its variants and languages), the last {@code \boxed{}}, the last "the answer
 * is ...", or a short one-line response without a verb, which is the answer itself. Without a
 * mark the reading is unsure: the last bold text, else the final sentence
 * (what follows its last "is", then the whole sentence), then its last number, never a unit's
 * exponent or a digit inside {@code \sqrt}/{@code \frac}. Stateless and thread-safe.
 */
final class FreeFormExtractor {

    /**
     * Where the answer was found.
     *
     * @param rule the rule that found it ({@code json}, {@code answer-line}, {@code boxed},
     *     {@code answer-is}, {@code whole-response}, {@code bold}, {@code final-sentence})
     * @param certain whether the response marked its first reading as its answer
     * @param readings the candidate texts, best first: a marked answer may also be a sentence
     *     ("Answer: The volume is 904.78 cm^3"), whose value follows its "is"; the later readings
     *     are fallbacks, never certain
     */
    record Extraction(String rule, boolean certain, List<String> readings) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_ANSWER = Pattern.compile("\\{[^{}]*\"answer\"\\s*:[^{}]*}", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANSWER_MARK = Pattern.compile(
            "(?i)(?:final\\s+answer|answer|respuesta(?:\\s+final)?|réponse(?:\\s+finale)?|antwort|risposta|resposta"
                    + "|答案|最终答案|回答|ответ)\\s*(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?");
    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\s*\\{");
    private static final Pattern ANSWER_IS = Pattern.compile(
            "(?i)\\banswer\\s+(?:is|would\\s+be|should\\s+be)\\s*:?\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<![A-Z])\\.(?=\\s|$)|\\n");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
    /** A one-line response up to this long with no verb is the answer itself. */
    private static final int WHOLE_ANSWER_LENGTH = 120;
    private static final Pattern CONNECTIVE = Pattern.compile(
            "^(?i:therefore|thus|hence|so|finally|in conclusion|consequently)\\s*,?\\s*");
    private static final Pattern VERB = Pattern.compile("(?i)\\s(?:is|are|equals|was|be|becomes|gives)\\s+");
    /** A whole \frac or \sqrt, or a plain number: digits inside them or in an exponent are never taken alone. */
    private static final Pattern NUMBER = Pattern.compile(
            "\\\\d?frac\\s*\\{[^{}]*}\\s*\\{[^{}]*}|\\d*\\s*\\\\sqrt\\s*\\{[^{}]*}"
                    + "|-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s*\\\\pi|\\s*π)?|-?\\.\\d+");

    Optional<Extraction> extract(String response) {
        if (response == null || response.isBlank()) {
            return Optional.empty();
        }
        Optional<String> json = jsonAnswer(response);
        if (json.isPresent()) {
            return Optional.of(new Extraction("json", true, List.of(json.get())));
        }
        Matcher mark = ANSWER_MARK.matcher(response);
        int end = -1;
        while (mark.find()) {
            end = mark.end();
        }
        if (end >= 0) {
            Optional<String> line = response.substring(end).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
            if (line.isPresent()) {
                return Optional.of(new Extraction("answer-line", true, sentenceReadings(line.get(), true)));
            }
        }
        Optional<String> boxed = lastBoxed(response);
        if (boxed.isPresent()) {
            return Optional.of(new Extraction("boxed", true, List.of(boxed.get())));
        }
        Matcher answerIs = ANSWER_IS.matcher(response);
        end = -1;
        while (answerIs.find()) {
            end = answerIs.end();
        }
        if (end >= 0) {
            String rest = response.substring(end);
            Matcher stop = SENTENCE_END.matcher(rest);
            String answer = stop.find() ? rest.substring(0, stop.start()) : rest;
            if (!answer.isBlank()) {
                return Optional.of(new Extraction("answer-is", true, List.of(answer.strip())));
            }
        }
        String whole = response.strip();
        if (whole.lines().count() == 1 && !VERB.matcher(whole).find() && whole.length() <= WHOLE_ANSWER_LENGTH) {
            // "Area = 113.1 cm^2" and nothing else; its last number only if the whole is not an answer
            LinkedHashSet<String> readings = new LinkedHashSet<>(List.of(whole));
            readings.addAll(sentenceReadings(whole, false));
            return Optional.of(new Extraction("whole-response", true, new ArrayList<>(readings)));
        }
        Matcher bold = BOLD.matcher(response);
        String lastBold = null;
        while (bold.find()) {
            lastBold = bold.group(1);
        }
        if (lastBold != null && !lastBold.isBlank()) {
            return Optional.of(new Extraction("bold", false, sentenceReadings(lastBold.strip(), true)));
        }
        String lastLine = response.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElseThrow();
        String[] sentences = SENTENCE_BREAK.split(lastLine);
        return Optional.of(new Extraction("final-sentence", false, sentenceReadings(sentences[sentences.length - 1], false)));
    }

    /** The sentence's value (after its last "is"), the sentence itself, and for a final sentence its last number. */
    private static List<String> sentenceReadings(String sentence, boolean marked) {
        String s = CONNECTIVE.matcher(sentence.strip()).replaceFirst("");
        LinkedHashSet<String> readings = new LinkedHashSet<>();
        Matcher verb = VERB.matcher(s);
        int end = -1;
        while (verb.find()) {
            end = verb.end();
        }
        if (end >= 0 && !s.substring(end).isBlank()) {
            readings.add(s.substring(end).strip());
        }
        readings.add(s);
        if (!marked) {
            Matcher number = NUMBER.matcher(s);
            int start = -1;
            String last = null;
            while (number.find()) {
                if (!inExponent(s, number.start())) {
                    last = number.group();
                    start = number.start();
                }
            }
            if (start >= 0) {
                readings.add(last);
            }
        }
        return new ArrayList<>(readings);
    }

    /** cm^3, x^{2}: what follows a caret is an exponent. */
    private static boolean inExponent(String s, int at) {
        int i = at - 1;
        while (i >= 0 && (s.charAt(i) == ' ' || s.charAt(i) == '{')) {
            i--;
        }
        return i >= 0 && s.charAt(i) == '^';
    }

    static Optional<String> jsonAnswer(String response) {
        Matcher m = JSON_ANSWER.matcher(response);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(last);
            for (var field : node.properties()) {
                if (field.getKey().equalsIgnoreCase("answer") && field.getValue().isValueNode()) {
                    String answer = field.getValue().asText().strip();
                    return answer.isEmpty() ? Optional.empty() : Optional.of(answer);
                }
            }
        } catch (JsonProcessingException e) {
            return Optional.empty(); // prose that merely looks like JSON is read as prose
        }
        return Optional.empty();
    }

    static Optional<String> lastBoxed(String response) {
        Matcher m = BOXED.matcher(response);
        int contentStart = -1;
        while (m.find()) {
            contentStart = m.end();
        }
        if (contentStart < 0) {
            return Optional.empty();
        }
        int close = FreeFormReader.matchingBrace(response, contentStart - 1);
        return close < 0 ? Optional.empty() : Optional.of(response.substring(contentStart, close).strip());
    }
}
