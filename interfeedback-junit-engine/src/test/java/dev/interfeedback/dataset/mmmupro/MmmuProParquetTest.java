package dev.interfeedback.dataset.mmmupro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.prompt.Prompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmmuProParquetTest {

    @TempDir
    Path temp;

    @Test
    void realRowsRoundTripThroughParquetWithTheirImages() throws Exception {
        Path folder = temp.resolve("standard (10 options)");
        ParquetFixtures.write(folder.resolve("test-00000-of-00001.parquet"), ParquetFixtures.realStandardRows());
        Path cache = temp.resolve("cache");

        DatasetLoad load = new MmmuProLoader(MmmuProOptions.defaults(cache)).load(folder);

        assertThat(load.skipped()).isEmpty();
        assertThat(load.dataset().name()).isEqualTo("mmmu-pro standard (10 options)");
        assertThat(load.dataset().size()).isEqualTo(16);
        assertThat(load.dataset().samples().stream().mapToInt(s -> s.images().size()).sum()).isEqualTo(20);
        Sample history = byId(load, "test_History_1");
        assertThat(history.options()).hasSize(10);
        assertThat(history.answer()).isEqualTo("B");
        assertThat(history.category()).isEqualTo("History");
        assertThat(history.metadata()).containsEntry("topic_difficulty", "Medium")
                .containsEntry("img_type", List.of("Diagrams"))
                .containsEntry("config", "standard (10 options)");
        Path image = history.images().get(0);
        assertThat(image).startsWith(cache).hasFileName("test_History_1_image_1.png");
        assertThat(Files.readAllBytes(image))
                .isEqualTo(Files.readAllBytes(ParquetFixtures.REAL.resolve("images/test_History_1_1.png")));

        // "<image 1> is a substitution ..." with options ['<image 4>', '<image 2>', '<image 5>', '<image 3>']
        Sample music = byId(load, "test_Music_251");
        assertThat(music.images()).extracting(p -> p.getFileName().toString()).containsExactly(
                "test_Music_251_image_1.png", "test_Music_251_image_4.png", "test_Music_251_image_2.png",
                "test_Music_251_image_5.png", "test_Music_251_image_3.png");
    }

    @Test
    void pathsWithGlobCharactersAreReadAsTheyAre() throws Exception {
        for (String name : new String[] {"shard[1]", "what?", "star*", "brace{a,b}"}) {
            Path folder = java.nio.file.Files.createDirectories(temp.resolve(name));
            Path file = ParquetFixtures.write(folder.resolve("rows [v2].parquet"), ParquetFixtures.realStandardRows());
            MmmuProOptions options = MmmuProOptions.defaults(temp.resolve("cache")).withConfig(MmmuProConfig.STANDARD_10);
            assertThat(new MmmuProLoader(options).load(file).dataset().samples()).as(name).hasSize(ParquetFixtures.realStandardRows().size());
        }
    }

    @Test
    void officialPromptPutsTheTextFirstAndReplacesImageTokens() throws Exception {
        Path file = ParquetFixtures.write(temp.resolve("s.parquet"), ParquetFixtures.realStandardRows());
        MmmuProOptions options = MmmuProOptions.defaults(temp.resolve("cache")).withConfig(MmmuProConfig.STANDARD_10);

        Sample cot = byId(new MmmuProLoader(options).load(file), "test_History_1");
        Sample direct = byId(new MmmuProLoader(options.withMode(MmmuProMode.DIRECT)).load(file), "test_History_1");

        String question = "Which of the following best explains the overall trend shown in the <image>?\n"
                + "A. Political instability leading to population decline\n"
                + "B. The spread of pathogens across the Silk Road\n";
        Message message = Prompts.builtIn().question(cot);
        assertThat(message.parts()).hasSize(2);
        assertThat(message.parts().get(0)).isInstanceOf(Content.Text.class);
        assertThat(message.parts().get(1)).isEqualTo(Content.image(cot.images().get(0)));
        assertThat(message.text()).startsWith(question).endsWith("J. Rise of religious conflicts along the Silk Road\n"
                + "Answer the preceding multiple choice question. The last line of your response should be of the"
                + " following format: 'Answer: $LETTER' (without quotes) where LETTER is one of options."
                + " Think step by step before answering.");
        assertThat(Prompts.builtIn().question(direct).text()).startsWith(question)
                .endsWith("Silk Road\nAnswer with the option letter from the given choices directly.");
        assertThat(Prompts.builtIn().binaryFeedback(direct)).endsWith("Answer with the option letter from the given choices directly.");
    }

    @Test
    void imagesFollowTheOrderOfTheirTokensAndThePolicyForSeveral() throws Exception {
        Path one = ParquetFixtures.REAL.resolve("images/test_Music_251_1.png");
        Path two = ParquetFixtures.REAL.resolve("images/test_Music_251_2.png");
        Path three = ParquetFixtures.REAL.resolve("images/test_Music_251_3.png");
        Path file = ParquetFixtures.write(temp.resolve("order.parquet"), List.of(
                ParquetFixtures.standardRow("test_Music_1", "Compare <image 2> with <image 1>.",
                        "['<image 3>', 'neither', \"it's <image 1>\"]", "A", one, two, three),
                ParquetFixtures.standardRow("test_Music_2", "What is <image 1>?", "['x', 'y']", "B", one)));
        MmmuProOptions options = MmmuProOptions.defaults(temp.resolve("cache"));

        DatasetLoad all = new MmmuProLoader(options).load(file);
        assertThat(byId(all, "test_Music_1").images()).extracting(p -> p.getFileName().toString())
                .containsExactly("test_Music_1_image_2.png", "test_Music_1_image_1.png", "test_Music_1_image_3.png");
        assertThat(Prompts.builtIn().question(byId(all, "test_Music_1")).text())
                .startsWith("Compare <image> with <image>.\nA. <image>\nB. neither\nC. it's <image>\n");

        DatasetLoad first = new MmmuProLoader(options.withMultiImage(MultiImagePolicy.FIRST)).load(file);
        assertThat(byId(first, "test_Music_1").images()).extracting(p -> p.getFileName().toString())
                .containsExactly("test_Music_1_image_2.png");

        DatasetLoad skip = new MmmuProLoader(options.withMultiImage(MultiImagePolicy.SKIP)).load(file);
        assertThat(skip.dataset().samples()).extracting(Sample::id).containsExactly("test_Music_2");
        assertThat(skip.excluded()).containsExactly("test_Music_1: 3 images (image policy \"skip\")");
    }

    @Test
    void visionConfigSendsTheScreenshotWithTheOfficialInstruction() throws Exception {
        Path screenshot = ParquetFixtures.REAL.resolve("images/test_Art_113_1.png");
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", "test_Art_113");
        row.put("image", screenshot);
        row.put("options", "['James Irvine', 'John Duncan', \"Don't know\"]");
        row.put("answer", "A");
        row.put("subject", "Art");
        Path folder = temp.resolve("vision");
        ParquetFixtures.write(folder.resolve("test-00000-of-00001.parquet"), List.of(row));

        DatasetLoad load = new MmmuProLoader(MmmuProOptions.defaults(temp.resolve("cache"))).load(folder);

        Sample sample = load.dataset().samples().get(0);
        assertThat(load.dataset().name()).isEqualTo("mmmu-pro vision");
        assertThat(sample.options()).containsExactly("James Irvine", "John Duncan", "Don't know");
        assertThat(sample.images()).singleElement().satisfies(p -> assertThat(p).hasFileName("test_Art_113_image.png"));
        assertThat(Prompts.builtIn().question(sample).text()).isEqualTo(MmmuProPrompts.COT_VISION);
        assertThat(sample.category()).isEqualTo("Art");
    }

    @Test
    void theFourOptionConfigIsNamedAfterItsPublishedFolder() throws Exception {
        Path folder = temp.resolve("MMMU_Pro").resolve("standard (4 options)");
        ParquetFixtures.write(folder.resolve("test-00000-of-00002.parquet"), ParquetFixtures.realStandardRows().subList(0, 2));
        ParquetFixtures.write(folder.resolve("test-00001-of-00002.parquet"), ParquetFixtures.realStandardRows().subList(2, 4));

        DatasetLoad load = new MmmuProLoader(MmmuProOptions.defaults(temp.resolve("cache"))).load(folder);

        assertThat(load.dataset().name()).isEqualTo("mmmu-pro standard (4 options)");
        assertThat(load.dataset().samples()).extracting(Sample::id)
                .containsExactly("test_History_1", "test_Art_113", "validation_Design_19", "test_History_134");
        assertThat(load.dataset().samples().get(0).metadata()).containsEntry("source", "MMMU-Pro standard (4 options)");
    }

    @Test
    void listTypedOptionsAreReadAsIs() throws Exception {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", "v1");
        row.put("image", ParquetFixtures.REAL.resolve("images/test_Art_113_1.png"));
        row.put("options", List.of("a, b", "c"));
        row.put("answer", "B");
        Path file = ParquetFixtures.write(temp.resolve("v.parquet"), List.of(row));

        Sample sample = new MmmuProLoader(MmmuProOptions.defaults(temp.resolve("cache"))).load(file)
                .dataset().samples().get(0);

        assertThat(sample.options()).containsExactly("a, b", "c");
    }

    static Sample byId(DatasetLoad load, String id) {
        return load.dataset().samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
