package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Location;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The artifact locations of a SARIF run: which file a class's source is, and how that path is written as
 * a URI.
 *
 * <p>A location's file is a path under a source root ({@code app/src/main/java/com/acme/Motor.java}: the
 * front ends make it relative to the working directory, the repository's root in CI, which is what GitHub
 * resolves relative URIs against), an absolute path (a source root outside the working directory), or
 * the bare name of the class file's {@code SourceFile} attribute, which is placed under the class's package
 * ({@code com/acme/Motor.java}). A class without a {@code SourceFile} attribute is given its outermost
 * class's name with {@code .java}, javac's convention. A class whose file the model names somewhere (any
 * finding's location) keeps that file for its other frames too.
 */
final class SarifLocations {
    /** {@code /home/...} or {@code C:/...}, after backslashes have become slashes. */
    private static final Pattern ABSOLUTE = Pattern.compile("/.*|[A-Za-z]:/.*");

    /** Top-level class name to the file a location gave for it (or for a nested class of it). */
    private final Map<String, String> known = new HashMap<>(); // lookups only, never iterated

    SarifLocations(AnalysisResult result) {
        for (Finding finding : result.findings()) {
            Location location = finding.location();
            if (location.file() != null) {
                known.putIfAbsent(outermost(location.method().className()), location.file());
            }
        }
    }

    /** The path of the source of {@code className}, given the file its location names (or null). */
    String of(String className, String file) {
        String name = file != null ? file : known.get(outermost(className));
        return path(className, name);
    }

    /**
     * A path already under a source root is kept (with {@code /} separators); a bare file name is put
     * under the class's package; no file at all becomes the outermost class's name with {@code .java}.
     */
    static String path(String className, String file) {
        if (file != null && (file.indexOf('/') >= 0 || file.indexOf('\\') >= 0)) {
            String path = file.replace('\\', '/');
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            return path;
        }
        String outer = outermost(className);
        int dot = outer.lastIndexOf('.');
        String name = file != null ? file : outer.substring(dot + 1) + ".java";
        return dot < 0 ? name : outer.substring(0, dot).replace('.', '/') + "/" + name;
    }

    static boolean isAbsolute(String path) {
        return ABSOLUTE.matcher(path).matches();
    }

    /**
     * The URI of a path: a relative reference for a relative path, a {@code file:} URI for an absolute
     * one ({@code file:///home/me/Motor.java}, {@code file:///C:/work/Motor.java}).
     */
    static String uri(String path) {
        if (!isAbsolute(path)) {
            return encodeUri(path);
        }
        if (path.startsWith("/")) {
            return "file://" + encodeUri(path);
        }
        return "file:///" + path.substring(0, 2) + encodeUri(path.substring(2));
    }

    /**
     * A relative path as an RFC 3986 relative reference: {@code /} kept, every byte of the UTF-8 form
     * outside the unreserved characters and {@code !$&'()*+,;=@} percent-encoded ({@code :} too, so that a
     * first segment never reads as a scheme).
     */
    static String encodeUri(String path) {
        StringBuilder uri = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
            if (keep) {
                uri.append((char) c);
            } else {
                uri.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return uri.toString();
    }

    /** {@code com.acme.Motor$Filter} becomes {@code com.acme.Motor}. */
    static String outermost(String className) {
        int dot = className.lastIndexOf('.');
        int dollar = className.indexOf('$', dot + 1);
        return dollar > 0 ? className.substring(0, dollar) : className;
    }
}
