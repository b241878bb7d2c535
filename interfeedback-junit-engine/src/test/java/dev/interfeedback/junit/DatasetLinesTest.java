package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLinesTest {

    @TempDir
    Path dir;

    @Test
    void eachIdIsOnTheLineOfItsRowWhereverTheFieldStands() throws Exception {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, String.join("\n",
                "\uFEFF{\"id\": \"first\", \"question\": \"q\"}",
                "",
                // fields before the id, one of them an object holding an "id" of its own
                "{\"question\": \"q\", \"meta\": {\"id\": \"inner\", \"list\": [1, {\"id\": \"deeper\"}]}, \"id\": \"after-object\"}",
                "{\"id\": 7, \"question\": \"a number as id\"}",
                "{\"id\": {\"not\": \"a value\"}, \"question\": \"q\"}",
                "not json at all",
                "{\"question\": \"no id\"}",
                "{\"id\": \"first\", \"question\": \"the same id again keeps its first line\"}",
                "[\"an array\"]",
                "{\"id\": \"last\"}"), StandardCharsets.UTF_8);

        assertThat(DatasetLines.of(file)).containsOnly(
                org.assertj.core.api.Assertions.entry("first", 1),
                org.assertj.core.api.Assertions.entry("after-object", 3),
                org.assertj.core.api.Assertions.entry("7", 4),
                org.assertj.core.api.Assertions.entry("last", 10));
    }

    @Test
    void aFileThatCannotBeReadHasNoPositions() {
        assertThat(DatasetLines.of(dir.resolve("missing.jsonl"))).isEmpty();
    }
}
