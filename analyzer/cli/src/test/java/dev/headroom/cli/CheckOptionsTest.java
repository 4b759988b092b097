package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad command lines: each is rejected before any analysis runs, with its exit code and one line that
 * names the option or file.
 */
class CheckOptionsTest {
    @TempDir
    static Path shared;

    /** A real class directory, so that only the option under test is wrong. */
    static Path classes;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileInput() throws IOException {
        classes = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(classes, Map.of("Clean", TestClasses.CLEAN));
    }

    private static CliRun check(String... args) {
        return CliRun.of(Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void missingInputPathIsUnreadableInput() {
        String missing = dir.resolve("no-such-classes").toString();
        check(missing).assertOneLineError(ExitCodes.INPUT, "input not found: " + missing);
    }

    @Test
    void missingInputBesideAnExistingOneIsUnreadableInput() {
        String missing = dir.resolve("gone.jar").toString();
        check(classes.toString(), missing).assertOneLineError(ExitCodes.INPUT, "input not found", missing);
    }

    @Test
    void missingClasspathEntryIsUnreadableInput() {
        String missing = dir.resolve("lib").resolve("driver.jar").toString();
        check("-cp", classes + File.pathSeparator + missing, classes.toString())
                .assertOneLineError(ExitCodes.INPUT, "classpath entry not found: " + missing);
    }

    @Test
    void missingEntryOfRepeatedClasspathIsUnreadableInput() {
        String missing = dir.resolve("other.jar").toString();
        check("--classpath", classes.toString(), "--classpath", missing, classes.toString())
                .assertOneLineError(ExitCodes.INPUT, missing);
    }

    @Test
    void jdkThatIsNotADirectoryIsUnreadableInput() {
        String jdk = dir.resolve("jdk-99").toString();
        check("--jdk", jdk, classes.toString()).assertOneLineError(ExitCodes.INPUT, "--jdk", jdk);
    }

    @Test
    void missingSourceRootIsUnreadableInput() {
        String sources = dir.resolve("src").toString();
        check("--source-root", sources, classes.toString()).assertOneLineError(ExitCodes.INPUT, "--source-root", sources);
    }

    @Test
    void unknownOptionIsUsageError() {
        check("--no-such-option", classes.toString())
                .assertParameterError("headroom check", "--no-such-option");
    }

    @Test
    void misspelledOptionSuggestsTheRealOne() {
        check("--formt", "json", classes.toString()).assertParameterError("headroom check", "--formt", "did you mean --format?");
    }

    @Test
    void noInputIsUsageError() {
        check().assertParameterError("headroom check", "<classes-dir-or-jar>");
    }

    @Test
    void noInputButOptionsIsUsageError() {
        check("--format", "json").assertParameterError("headroom check", "<classes-dir-or-jar>");
    }

    @Test
    void ramBudgetThatIsNotASizeIsUsageError() {
        check("--ram-budget", "lots", classes.toString()).assertOneLineError(ExitCodes.USAGE, "--ram-budget", "'lots'");
    }

    @Test
    void stackBudgetThatIsNotASizeIsUsageError() {
        check("--stack-budget", "12 parsecs", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--stack-budget", "'12 parsecs'");
    }

    @Test
    void negativeMaxFindingsIsUsageError() {
        check("--max-findings", "-1", classes.toString()).assertOneLineError(ExitCodes.USAGE, "--max-findings", "-1");
    }

    @Test
    void maxFindingsThatIsNotANumberIsUsageError() {
        check("--max-findings", "many", classes.toString())
                .assertParameterError("headroom check", "--max-findings", "'many'");
    }

    @Test
    void threadsBelowOneIsUsageError() {
        check("--threads", "0", classes.toString()).assertOneLineError(ExitCodes.USAGE, "--threads", "must be 1 or more");
    }

    @Test
    void threadsThatIsNotANumberIsUsageError() {
        check("--threads", "all", classes.toString()).assertParameterError("headroom check", "--threads", "'all'");
    }

    @Test
    void unknownFailOnLevelIsUsageError() {
        check("--fail-on", "sometimes", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--fail-on", "'sometimes'", "error, warning or never");
    }

    @Test
    void unknownDispatchPolicyIsUsageError() {
        check("--dispatch", "foo", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--dispatch", "'foo'", "vta, rta or cha");
    }

    @Test
    void chaSaysFirstThatItFollowsMostOfTheJdk() {
        CliRun run = check("--dispatch", "cha", dir.toString()); // an empty folder: nothing to check, after the warning
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("headroom: warning: --dispatch cha makes every concrete class of the JDK a receiver"),
                run.toString());
        assertTrue(run.err().contains("HEADROOM_OPTS=-Xmx4g"), run.toString());
    }

    @Test
    void unknownColdPathPolicyIsUsageError() {
        check("--cold-paths", "hot", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--cold-paths", "'hot'", "error, warning or ignore");
        check("--group-by", "package", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--group-by", "'package'", "root or location");
    }

    @Test
    void unknownAssertionsOrTimingExceptionsValueIsUsageError() {
        check("--assertions", "on", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--assertions", "'on'", "enabled or disabled");
        check("--timing-exceptions", "all", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--timing-exceptions", "'all'", "include or exclude");
    }

    @Test
    void unknownFormatIsUsageErrorListingTheAvailableOnes() {
        check("--format", "pdf", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--format", "'pdf'", "text", "json");
    }

    @Test
    void outputWithTwoFormatsIsUsageErrorPointingToReportDir() {
        check("--format", "text", "--format", "json", "-o", dir.resolve("r").toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "-o/--output", "--report-dir");
    }

    @Test
    void commaSeparatedFormatsCountAsTwo() {
        check("--format", "text,json", "--output", dir.resolve("r").toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "-o/--output", "text, json", "--report-dir");
    }

    @Test
    void twoFormatsOnStandardOutputIsUsageError() {
        check("--format", "text", "--format", "json", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "standard output", "--report-dir");
    }

    @Test
    void outputAndReportDirTogetherIsUsageError() {
        check("-o", dir.resolve("r.txt").toString(), "--report-dir", dir.resolve("reports").toString(),
                classes.toString()).assertOneLineError(ExitCodes.USAGE, "-o/--output", "--report-dir");
    }

    @Test
    void outputThatIsADirectoryIsUsageError() {
        check("-o", dir.toString(), classes.toString()).assertOneLineError(ExitCodes.USAGE, "-o/--output", dir.toString());
    }

    @Test
    void reportDirThatIsAFileIsUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("reports"), "");
        check("--report-dir", file.toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--report-dir", file.toString());
    }

    @Test
    void missingRulesFileIsUsageError() {
        String rules = dir.resolve("acme-rules.json").toString();
        check("--rules", rules, classes.toString()).assertOneLineError(ExitCodes.USAGE, "--rules", rules);
    }

    @Test
    void malformedRulePackIsUsageErrorNamingFileAndEntry() throws java.io.IOException {
        java.nio.file.Path rules = java.nio.file.Files.writeString(dir.resolve("acme-rules.json"),
                "{\"name\": \"acme\", \"methods\": [{\"method\": \"com.acme.Ring#offer\", \"kind\": \"grow\","
                        + " \"reason\": \"copies when full\"}]}");
        check("--rules", rules.toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "acme-rules.json", "entry 1", "com.acme.Ring#offer", "'grow'");
    }

    @Test
    void optionsComeFromAnArgumentFileToo() throws IOException {
        Path args = Files.writeString(dir.resolve("headroom.args"), "# CI budgets\n--ram-budget lots\n");
        check("@" + args, classes.toString()).assertOneLineError(ExitCodes.USAGE, "--ram-budget", "'lots'");
    }

    @Test
    void missingFlowFactsFileIsUsageError() {
        String facts = dir.resolve("facts.json").toString();
        check("--flow-facts", facts, classes.toString()).assertOneLineError(ExitCodes.USAGE, "--flow-facts", facts);
    }

    @Test
    void cacheDirAndNoCacheTogetherIsUsageError() {
        check("--cache-dir", dir.toString(), "--no-cache", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--cache-dir", "--no-cache");
    }

    @Test
    void cacheDirThatIsAFileIsUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("cache"), "");
        check("--cache-dir", file.toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--cache-dir is not a directory", file.toString());
    }

    @Test
    void missingBaselineFileIsUsageError() {
        String baseline = dir.resolve("baseline.json").toString();
        check("--baseline", baseline, classes.toString()).assertOneLineError(ExitCodes.USAGE, "--baseline", baseline);
    }

    @Test
    void writeBaselineToADirectoryIsUsageError() {
        check("--write-baseline", dir.toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--write-baseline", dir.toString());
    }

    @Test
    void unknownLayoutIsUsageErrorListingTheModels() {
        check("--layout", "hotspot-huge", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--layout", "'hotspot-huge'", "hotspot-coops", "jvm32");
    }

    @Test
    void costModelThatIsNeitherBundledNorAFileIsUsageError() {
        String model = dir.resolve("cortex-m4.json").toString();
        check("--cost-model", model, classes.toString()).assertOneLineError(ExitCodes.USAGE, "--cost-model", model, "unit");
    }

    @Test
    void rootPatternWithoutMethodIsUsageError() {
        check("--root", "com.acme.Motor", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--root", "'com.acme.Motor'", "com.acme.Motor#onTick");
    }

    @Test
    void interruptRootPatternWithoutClassIsUsageError() {
        check("--interrupt-root", "#onIrq", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--interrupt-root", "'#onIrq'");
    }

    @Test
    void rootAnnotationThatIsNotAClassNameIsUsageError() {
        check("--root-annotation", "@com.acme.Fast", classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "--root-annotation", "'@com.acme.Fast'");
    }

    @Test
    void optionErrorsComeBeforeInputErrors() {
        check("--dispatch", "foo", dir.resolve("missing").toString()).assertOneLineError(ExitCodes.USAGE, "--dispatch");
    }

    @Test
    void budgetAndBaselineOptionsAreUsedWithoutWarnings() throws IOException {
        Path written = dir.resolve("written-baseline.json");
        assertEquals(ExitCodes.PASS, check("--write-baseline", written.toString(), classes.toString()).exitCode());
        CliRun run = check("--ram-budget", "64KiB", "--stack-budget", "4096", "--layout", "jvm32",
                "--cost-model", "interpreter", "--baseline", written.toString(),
                "--write-baseline", dir.resolve("new-baseline.json").toString(), classes.toString());

        assertTrue(run.errLines().stream().noneMatch(l -> l.contains("not yet")), run.toString());
        assertNoErrorAbout(run, "--ram-budget", "--stack-budget", "--layout", "--cost-model", "--baseline",
                "--write-baseline");
        assertTrue(Files.isRegularFile(dir.resolve("new-baseline.json")));
    }

    @Test
    void malformedBaselineIsUsageErrorNamingTheFile() throws IOException {
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "{}");
        check("--baseline", baseline.toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "malformed baseline", baseline.toString());
    }

    @Test
    void malformedCostModelIsUsageErrorNamingTheFile() throws IOException {
        Path model = Files.writeString(dir.resolve("cortex-m4.json"), "{}");
        check("--cost-model", model.toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, "cortex-m4.json");
    }

    /**
     * The options were accepted: the warnings come after all validation, and whatever the analysis then
     * says is not about them.
     */
    private static void assertNoErrorAbout(CliRun run, String... options) {
        assertNotEquals(ExitCodes.INPUT, run.exitCode(), run.toString());
        for (String line : run.errLines()) {
            if (line.startsWith("headroom: error: ")) {
                for (String option : options) {
                    assertFalse(line.contains(option), run.toString());
                }
            }
        }
    }

    @Test
    void defaultLayoutAndUnitCostModelAreAcceptedToo() {
        CliRun run = check("--layout", "hotspot-coops", "--cost-model", "unit", classes.toString());
        assertFalse(run.err().contains("--layout"), run.toString());
        assertFalse(run.err().contains("--cost-model"), run.toString());
        assertNoErrorAbout(run, "--layout", "--cost-model");
    }

    @Test
    void noCommandIsUsageError() {
        CliRun.of().assertParameterError("headroom", "missing command", "check", "rules", "dashboard");
    }

    @Test
    void unknownCommandIsUsageError() {
        CliRun.of("analyse", classes.toString()).assertParameterError("headroom", "analyse");
    }
}
