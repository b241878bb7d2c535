package dev.interfeedback.dataset.mathverse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds MathVerse records in the published shape, for tests. */
final class MathVerseRecords {

    private MathVerseRecords() {}

    static String record(String sampleIndex, String problemIndex, String version, String question, String image,
            String answer, String type) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("sample_index", sampleIndex);
        node.put("problem_index", problemIndex);
        node.put("problem_version", version);
        node.put("question", question);
        node.put("image", image);
        node.put("answer", answer);
        node.put("question_type", type);
        ObjectNode meta = node.putObject("metadata");
        meta.put("split", "testmini");
        meta.put("source", "GeoQA");
        meta.put("subject", "Plane Geometry");
        meta.put("subfield", "Angle");
        String instruction = type.equals("multi-choice")
                ? "Please first conduct reasoning, and then answer the question and provide the correct option letter, e.g., A, B, C, D, at the end."
                : "Please first conduct reasoning, and then answer the question and provide the final value, e.g., 1, 2.5, 300, at the end.";
        node.put("query_wo", "Please directly answer the question.\nQuestion: " + question);
        node.put("query_cot", instruction + "\nQuestion: " + question);
        return node.toString();
    }
}
