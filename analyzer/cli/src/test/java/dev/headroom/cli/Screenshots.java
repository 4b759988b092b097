package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Screenshots of pages under test: kept under {@code target/browser-screenshots/} to look at, and checked
 * to show something. A blank, all-white or single-colour page fails: a real page has many colours
 * (anti-aliased text, bars, badges) and a good part of it differs from the background.
 */
final class Screenshots {
    static final Path DIR = Path.of("target/browser-screenshots");
    static final int MIN_COLOURS = 64;
    static final double MIN_DRAWN_FRACTION = 0.03;

    private Screenshots() {
    }

    /** Writes {@code <name>.png} and asserts that it is not blank; returns the decoded image. */
    static BufferedImage keepAndAssertNotBlank(byte[] png, String name) {
        try {
            Files.createDirectories(DIR);
            Files.write(DIR.resolve(name + ".png"), png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, name + ": the screenshot is not a PNG");
            assertNotBlank(image, name);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertNotBlank(BufferedImage image, String name) {
        Map<Integer, Integer> pixelsByColour = new HashMap<>(); // counts only, never iterated into output
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixelsByColour.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        int background = pixelsByColour.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long total = (long) image.getWidth() * image.getHeight();
        double drawn = total == 0 ? 0 : (total - background) / (double) total;
        int colours = pixelsByColour.size();
        assertAll(name + " screenshot (" + image.getWidth() + "x" + image.getHeight() + ")",
                () -> assertTrue(colours >= MIN_COLOURS,
                        colours + " distinct colours, fewer than " + MIN_COLOURS + ": a blank page?"),
                () -> assertTrue(drawn >= MIN_DRAWN_FRACTION, String.format(Locale.ROOT,
                        "%.1f%% of the pixels differ from the background, less than %.0f%%: a blank page?",
                        drawn * 100, MIN_DRAWN_FRACTION * 100)));
    }
}
