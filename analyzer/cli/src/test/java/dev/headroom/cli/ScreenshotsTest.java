package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.MultipleFailuresError;

/** The blank-page check of the browser tests rejects what a broken page looks like. */
class ScreenshotsTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 200;

    @Test
    void allWhiteIsBlank() {
        BufferedImage white = image(Color.WHITE);
        assertThrows(MultipleFailuresError.class, () -> Screenshots.assertNotBlank(white, "white"));
    }

    @Test
    void aFewFlatShapesAreBlank() {
        // Many pixels drawn, but in two colours: an error box or a stylesheet-only page, not content.
        BufferedImage box = image(Color.WHITE);
        Graphics2D g = box.createGraphics();
        g.setColor(Color.PINK);
        g.fillRect(0, 0, WIDTH, HEIGHT / 2);
        g.dispose();
        assertThrows(MultipleFailuresError.class, () -> Screenshots.assertNotBlank(box, "box"));
    }

    @Test
    void aFewScatteredColoursOnWhiteAreBlank() {
        // Many colours, but on a handful of pixels: a nearly empty page.
        BufferedImage sparse = image(Color.WHITE);
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            sparse.setRGB(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(0xffffff));
        }
        assertThrows(MultipleFailuresError.class, () -> Screenshots.assertNotBlank(sparse, "sparse"));
    }

    @Test
    void aDrawnPagePasses() {
        BufferedImage page = image(Color.WHITE);
        Random random = new Random(1);
        for (int y = 0; y < HEIGHT / 4; y++) {
            for (int x = 0; x < WIDTH; x++) {
                page.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        Screenshots.assertNotBlank(page, "drawn");
    }

    private static BufferedImage image(Color background) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return image;
    }
}
