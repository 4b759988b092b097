package dev.headroom.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The shared options: values land in the configuration, and a bad one is named as the front end names it. */
class ConfigOptionsTest {
    /** Names as a front end that is not the command line would give them. */
    private static String name(ConfigOptions.Option option) {
        return "opt." + option.name();
    }

    private static String error(Consumer<ConfigOptions> apply) {
        return assertThrows(ConfigurationException.class,
                () -> apply.accept(new ConfigOptions(AnalysisConfig.builder(), ConfigOptionsTest::name))).getMessage();
    }

    @Test
    void valuesLandInTheConfiguration() {
        AnalysisConfig.Builder builder = AnalysisConfig.builder().addInput(Path.of("x"));
        new ConfigOptions(builder, ConfigOptionsTest::name).dispatch("cha").failOn("warning").coldPaths("ignore")
                .assertions("enabled").timingExceptions("include").groupBy("location").maxFindings(3).ramBudget("2KiB").stackBudget("512").layout("jvm32")
                .costModel("interpreter").roots(List.of("a.B#c")).interruptRoots(List.of("a.B#d"))
                .rootAnnotations(List.of("a.Hot")).allowNoRoots(true).dispatch(null).allowNoRoots(null);
        AnalysisConfig config = builder.build();
        assertAll(
                () -> assertEquals(DispatchPolicy.CHA, config.dispatch()),
                () -> assertEquals(FailOn.WARNING, config.failOn()),
                () -> assertEquals(ColdPathPolicy.IGNORE, config.coldPaths()),
                () -> assertEquals(AssertionPolicy.ENABLED, config.assertions()),
                () -> assertEquals(TimingExceptions.INCLUDE, config.timingExceptions()),
                () -> assertEquals(FindingGrouping.LOCATION, config.grouping()),
                () -> assertEquals(3, config.maxFindings()),
                () -> assertEquals(2048L, config.ramBudget()),
                () -> assertEquals(512L, config.stackBudget()),
                () -> assertEquals("jvm32", config.layout()),
                () -> assertEquals("interpreter", config.costModel()),
                () -> assertEquals(List.of("a.B#c"), config.rootPatterns()),
                () -> assertEquals(List.of("a.B#d"), config.interruptRootPatterns()),
                () -> assertEquals(List.of("a.Hot"), config.rootAnnotations()),
                () -> assertEquals(true, config.allowNoRoots()),
                () -> assertEquals(false, AnalysisConfig.builder().addInput(Path.of("x")).build().allowNoRoots(),
                        "a run that checks nothing is an error unless allowed"));
    }

    @Test
    void aBadValueIsNamedAsTheFrontEndNamesIt() {
        assertAll(
                () -> assertEquals("opt.DISPATCH: unknown value 'fast'; expected vta, rta or cha", error(o -> o.dispatch("fast"))),
                () -> assertEquals("opt.MAX_FINDINGS must be 0 or more, not -1", error(o -> o.maxFindings(-1))),
                () -> assertEquals("opt.LAYOUT: unknown layout model 'tiny'; valid: ",
                        error(o -> o.layout("tiny")).substring(0, "opt.LAYOUT: unknown layout model 'tiny'; valid: ".length())),
                () -> assertEquals("opt.ROOT: 'nohash' is not a method pattern; use <class>#<method>, e.g."
                        + " com.acme.Motor#onTick or com.acme.*#*", error(o -> o.roots(List.of("nohash")))),
                () -> assertEquals("opt.ROOT_ANNOTATION: '1.Bad' is not a class name; use the binary name, e.g."
                        + " com.acme.RealTime", error(o -> o.rootAnnotations(List.of("1.Bad")))),
                () -> assertEquals("opt.RAM_BUDGET", error(o -> o.ramBudget("lots")).split(":")[0]));
    }
}
