package dev.headroom.realworld;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The library jars under test, found on the test classpath by artifact name (never by a repository path). */
public enum Libraries {
    AGRONA("agrona"),
    AERON_CLIENT("aeron-client"),
    JCTOOLS("jctools-core"),
    DISRUPTOR("disruptor"),
    HDR_HISTOGRAM("HdrHistogram"),
    FASTUTIL("fastutil-core");

    private final String artifactId;

    Libraries(String artifactId) {
        this.artifactId = artifactId;
    }

    /** The jar of this library on the test classpath. */
    public Path jar() {
        String prefix = artifactId + "-";
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith(prefix) && name.endsWith(".jar") && Character.isDigit(name.charAt(prefix.length()));
                })
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(artifactId + " is not on the test classpath"));
    }

    /** Every library jar, for the classpath of code that calls them. */
    public static List<Path> allJars() {
        return Arrays.stream(values()).map(Libraries::jar).toList();
    }
}
