package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * Where a browser wrapped the text of some elements, measured in the page: the line breaks between
 * characters (a character whose box starts below the one before it), and those that are not between the
 * parts of a name (after a dot, a $, or at a space).
 */
final class LineBreaks {
    private LineBreaks() {
    }

    /** An expression giving {@code {breaks: n, problems: ["text: broken between 'x' and 'y'", ...]}}. */
    private static String in(String selector) {
        return """
                (() => {
                  let breaks = 0;
                  const problems = [];
                  for (const e of document.querySelectorAll(%s)) {
                    const chars = [];
                    let offset = 0;
                    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                      for (let i = 0; i < n.data.length; i++) {
                        const range = document.createRange();
                        range.setStart(n, i);
                        range.setEnd(n, i + 1);
                        const box = range.getClientRects()[0];
                        if (box && n.data[i] !== ' ') {
                          chars.push({at: offset + i, top: box.top, height: box.height});
                        }
                      }
                      offset += n.data.length;
                    }
                    const text = e.textContent;
                    for (let i = 1; i < chars.length; i++) {
                      if (chars[i].top > chars[i - 1].top + chars[i - 1].height / 2) {
                        breaks++;
                        const between = text.substring(chars[i - 1].at, chars[i].at);
                        if (!/^[.$]$|\\s/.test(between)) {
                          problems.push(text + ': broken between ' + JSON.stringify(text[chars[i - 1].at])
                              + ' and ' + JSON.stringify(text[chars[i].at]));
                        }
                      }
                    }
                  }
                  return {breaks, problems};
                })()
                """.formatted(jsString(selector));
    }

    /**
     * Measures the elements the selector finds on the page as it is laid out now, and returns the checks:
     * their text wraps somewhere (so that the test is not passed by text too short to wrap), and only
     * between the parts of names.
     */
    static List<Executable> wrapOnlyBetweenParts(BrowserPage page, String what, String selector) {
        JsonObject measured = page.evaluate(in(selector)).getAsJsonObject();
        List<String> problems = measured.getAsJsonArray("problems").asList().stream().map(JsonElement::getAsString).toList();
        return List.of(
                () -> assertTrue(measured.get("breaks").getAsInt() > 0, what + ": wrap at this width"),
                () -> assertEquals(List.of(), problems, what + ": lines that end inside a name"));
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
