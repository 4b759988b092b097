package dev.headroom.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The style sheet and the filter script that the HTML report inlines, kept as the files
 * {@code html-report.css} and {@code html-report.js} beside this class.
 */
final class HtmlAssets {
    static final String CSS = read("html-report.css");
    /** Hides findings whose rule or severity is unchecked; without it every finding stays visible. */
    static final String SCRIPT = read("html-report.js");

    private HtmlAssets() {
    }

    private static String read(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the reports jar has no " + name + " beside " + HtmlAssets.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the reports jar", e);
        }
    }
}
