package dev.interfeedback.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Data for the page's script, as script files of their own ({@code file://} pages cannot fetch):
 * {@code interfeedbackReport.receive("name", <json>)}. The JSON has {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 escaped as {@code \}{@code uXXXX}, so no text in it can end a
 * script, open a comment or a line, whatever a model wrote.
 */
final class ScriptData {

    private static final JsonFactory JSON = new JsonFactoryBuilder().characterEscapes(new InertEscapes()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private static final class InertEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        InertEscapes() {
            for (char c : new char[] {'<', '>', '&', '\'', '/'}) ascii[c] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private ScriptData() {}

    static void write(Path file, String name, JsonNode data) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("interfeedbackReport.receive(\"" + name + "\", ");
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                MAPPER.writeTree(json, data);
            }
            out.write(");\n");
        }
    }

    /**
     * A generator of JSON escaped as {@link #write} escapes it, for data written piece by piece
     * (see {@link #writeObject}); closing it leaves {@code out} open.
     */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setCodec(MAPPER);
        return json;
    }

    /**
     * Writes {@code head}'s fields and then a last field, {@code name}, whose value is the JSON
     * {@code tail} holds (written by a {@link #generator}), as {@link #write} would write the
     * object with that field: the same bytes, without the last field's value ever in memory.
     */
    static void writeObject(Path file, String name, ObjectNode head, String lastField, Path tail) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("interfeedbackReport.receive(\"" + name + "\", ");
            try (JsonGenerator json = generator(out)) {
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> field : head.properties()) {
                    json.writeFieldName(field.getKey());
                    MAPPER.writeTree(json, field.getValue());
                }
                json.writeFieldName(lastField);
                json.writeRawValue(""); // the separator; the value itself is copied below
                json.flush();
                try (Reader in = Files.newBufferedReader(tail, StandardCharsets.UTF_8)) {
                    in.transferTo(out);
                }
                json.writeEndObject();
            }
            out.write(");\n");
        }
    }

    /** The JSON alone, escaped the same way, for tests of the escaping. */
    static String json(JsonNode data) throws IOException {
        return MAPPER.writeValueAsString(data);
    }
}
