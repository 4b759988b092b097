package dev.headroom.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Where a browser wrapped the text of some elements, measured in the page: the line breaks between
 * characters (a character whose box starts below the one before it), and those that are not between the
 * parts of a name (after a dot, a $, or at a space).
 */
final class LineBreaks {
    private LineBreaks() {
    }

    /** An expression giving {@code {breaks: n, problems: ["text: broken between 'x' and 'y'", ...]}}. */
    static String in(String selector) {
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

    static List<String> problems(JsonObject measured) {
        return measured.getAsJsonArray("problems").asList().stream().map(JsonElement::getAsString).toList();
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
