package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A generated multiple-choice dataset in the JSONL form, with one small real PNG per sample. The
 * ground truth is a function of the sample id, so that a {@link ScriptedChatServer} in another
 * process can grade answers without reading the dataset.
 */
public final class SyntheticDataset {

    private static final String LETTERS = "ABCD";
    private static final Pattern ID = Pattern.compile("\\[\\[id:([^\\]]+)]]");

    private SyntheticDataset() {}

    /** Writes {@code dataset.jsonl} and {@code images/} into {@code dir}; returns the JSONL file. */
    public static Path write(Path dir, int samples) throws IOException {
        return write(dir, samples, null);
    }

    /**
     * As {@link #write(Path, int)}, with {@code image} (copied once) as every sample's image instead
     * of a small PNG of its own, when it is not null: a real-size image at the cost of one file.
     */
    public static Path write(Path dir, int samples, Path image) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        String shared = null;
        if (image != null) {
            shared = "images/" + image.getFileName();
            Files.copy(image, dir.resolve(shared), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ObjectMapper json = new ObjectMapper();
        Path file = dir.resolve("dataset.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < samples; i++) {
                String id = "s" + i;
                String picture = shared != null ? shared : "images/" + id + ".png";
                if (shared == null) writePng(dir.resolve(picture), i);
                ObjectNode row = json.createObjectNode();
                row.put("id", id);
                row.put("question", "[[id:" + id + "]] Which shape is shaded in the figure?");
                row.putArray("images").add(picture);
                row.putArray("options").add("circle").add("square").add("triangle").add("hexagon");
                row.put("answer", truth(id));
                row.put("category", "cat" + (i % 5));
                out.write(json.writeValueAsString(row));
                out.newLine();
            }
        }
        return file;
    }

    public static String truth(String id) {
        return String.valueOf(LETTERS.charAt(Math.floorMod(mix(id), LETTERS.length())));
    }

    /** A wrong option for the sample, varied by {@code salt}. */
    public static String wrong(String id, int salt) {
        int right = LETTERS.indexOf(truth(id));
        return String.valueOf(LETTERS.charAt((right + 1 + Math.floorMod(salt, 3)) % 4));
    }

    /** The sample id a request text names, or null. */
    public static String idIn(String text) {
        Matcher m = ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    public static List<String> letters() {
        return List.of("A", "B", "C", "D");
    }

    /** A stable hash (String.hashCode is specified, so every JVM agrees), spread out. */
    public static int mix(String text) {
        int h = text.hashCode() * 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    private static void writePng(Path file, int seed) throws IOException {
        BufferedImage image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(mix("bg" + seed) & 0xFFFFFF));
        g.fillRect(0, 0, 24, 24);
        g.setColor(Color.BLACK);
        g.fillOval(seed % 12, (seed / 12) % 12, 10, 10);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
