package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What a team adopting Headroom looks for first: the licence, declared where tools read it, a changelog, an install. */
class ProjectFilesTest {
    private static final Path ROOT = Path.of("../..");
    /** MD5 of https://www.apache.org/licenses/LICENSE-2.0.txt, the text as the Apache Software Foundation publishes it. */
    private static final String APACHE_2_0_MD5 = "3b83ef96387f14655fc854ddc3c6bd57";

    @Test
    void theLicenceIsTheUnchangedApache20TextAndThePomDeclaresIt() throws IOException, NoSuchAlgorithmException {
        byte[] licence = Files.readAllBytes(ROOT.resolve("LICENSE"));
        String pom = read("pom.xml");
        assertAll(
                () -> assertEquals(APACHE_2_0_MD5, HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(licence))),
                () -> assertTrue(pom.contains("<licenses>\n    <license>\n      <name>Apache-2.0</name>\n"
                        + "      <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>"), "the parent pom's <licenses>"),
                () -> assertTrue(read("NOTICE").contains("Copyright 2026 the Headroom authors"), "NOTICE"));
    }

    @Test
    void theChangelogHasTheUnreleasedChangesAndTheFirstVersion() throws IOException {
        String changelog = read("CHANGELOG.md");
        assertAll(
                () -> assertTrue(changelog.contains("\n## Unreleased\n"), "an Unreleased section"),
                () -> assertTrue(changelog.contains("\n## 0.1.0 - "), "a section for 0.1.0, the pom's version"),
                () -> assertTrue(read("pom.xml").contains("<version>0.1.0</version>"), "the version the changelog names"));
    }

    @Test
    void theReadmeSaysHowToInstallWithoutMavenCentral() throws IOException {
        String readme = read("README.md");
        assertAll(
                () -> assertTrue(readme.contains("\n## Install\n"), "an Install section"),
                () -> assertTrue(readme.contains("mvn -B install -DskipTests"), "the install from a clone"),
                () -> assertTrue(readme.contains("`analyzer/cli/target/headroom.jar`"), "where the runnable jar is"),
                () -> assertTrue(readme.contains("package `dev.headroom.annotations`"), "the annotations' package"),
                () -> assertTrue(readme.contains("`dev.headroom:headroom-annotations:0.1.0`"), "the annotations' coordinates"),
                () -> assertTrue(readme.contains("-f .headroom/pom.xml install -DskipTests"), "the CI recipes build Headroom first"));
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
    }
}
