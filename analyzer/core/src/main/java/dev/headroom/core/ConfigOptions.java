package dev.headroom.core;

import dev.headroom.core.memory.Layouts;
import dev.headroom.core.roots.Exclusions;
import dev.headroom.core.timing.CostModels;
import java.util.List;
import java.util.function.Function;

/**
 * The options the command line and the Maven plugin share, from their text to the configuration: what
 * each value means and how a bad one is told live here once. The front ends differ only in the names
 * they give the options ({@code --ram-budget}, {@code headroom.ramBudget}) and in how they report the
 * {@link ConfigurationException} a bad value throws, which names the option. A null value is an option
 * not given.
 */
public final class ConfigOptions {
    /** The shared options. */
    public enum Option {
        DISPATCH, FAIL_ON, COLD_PATHS, ASSERTIONS, TIMING_EXCEPTIONS, GROUP_BY, MAX_FINDINGS, THREADS, RAM_BUDGET, STACK_BUDGET, LAYOUT, COST_MODEL, ROOT,
        INTERRUPT_ROOT, INIT_ROOT, ROOT_ANNOTATION, RULE, EXCLUDE
    }

    private final AnalysisConfig.Builder builder;
    private final Function<Option, String> names;

    /** @param names each option's name in the front end, for messages */
    public ConfigOptions(AnalysisConfig.Builder builder, Function<Option, String> names) {
        this.builder = builder;
        this.names = names;
    }

    public ConfigOptions dispatch(String text) {
        if (text != null) {
            builder.dispatch(DispatchPolicy.parse(names.apply(Option.DISPATCH), text));
        }
        return this;
    }

    public ConfigOptions failOn(String text) {
        if (text != null) {
            builder.failOn(FailOn.parse(names.apply(Option.FAIL_ON), text));
        }
        return this;
    }

    public ConfigOptions coldPaths(String text) {
        if (text != null) {
            builder.coldPaths(ColdPathPolicy.parse(names.apply(Option.COLD_PATHS), text));
        }
        return this;
    }

    public ConfigOptions assertions(String text) {
        if (text != null) {
            builder.assertions(AssertionPolicy.parse(names.apply(Option.ASSERTIONS), text));
        }
        return this;
    }

    public ConfigOptions timingExceptions(String text) {
        if (text != null) {
            builder.timingExceptions(TimingExceptions.parse(names.apply(Option.TIMING_EXCEPTIONS), text));
        }
        return this;
    }

    public ConfigOptions groupBy(String text) {
        if (text != null) {
            builder.grouping(FindingGrouping.parse(names.apply(Option.GROUP_BY), text));
        }
        return this;
    }

    public ConfigOptions maxFindings(Integer count) {
        if (count != null) {
            builder.maxFindings(atLeast(Option.MAX_FINDINGS, 0, count));
        }
        return this;
    }

    public ConfigOptions threads(Integer count) {
        if (count != null) {
            builder.threads(atLeast(Option.THREADS, 1, count));
        }
        return this;
    }

    /** The count, checked here to name the option as this front end spells it (the builder names the CLI's). */
    private int atLeast(Option option, int least, int count) {
        if (count < least) {
            throw new ConfigurationException(names.apply(option) + " must be " + least + " or more, not " + count);
        }
        return count;
    }

    public ConfigOptions ramBudget(String text) {
        if (text != null) {
            builder.ramBudget(parse(Option.RAM_BUDGET, text, t -> SizeParser.parse(names.apply(Option.RAM_BUDGET), t)));
        }
        return this;
    }

    public ConfigOptions stackBudget(String text) {
        if (text != null) {
            builder.stackBudget(parse(Option.STACK_BUDGET, text,
                    t -> SizeParser.parse(names.apply(Option.STACK_BUDGET), t)));
        }
        return this;
    }

    public ConfigOptions layout(String text) {
        if (text != null) {
            builder.layout(parse(Option.LAYOUT, text, Layouts::byName).name());
        }
        return this;
    }

    /** A bundled model's name or a model file; loaded now, so that a malformed one is told before any analysis. */
    public ConfigOptions costModel(String nameOrFile) {
        if (nameOrFile != null) {
            parse(Option.COST_MODEL, nameOrFile, CostModels::load); // a malformed model names its file and entry
            builder.costModel(nameOrFile);
        }
        return this;
    }

    public ConfigOptions roots(List<String> patterns) {
        for (String pattern : patterns) {
            builder.addRootPattern(methodPattern(Option.ROOT, pattern));
        }
        return this;
    }

    public ConfigOptions interruptRoots(List<String> patterns) {
        for (String pattern : patterns) {
            builder.addInterruptRootPattern(methodPattern(Option.INTERRUPT_ROOT, pattern));
        }
        return this;
    }

    public ConfigOptions initRoots(List<String> patterns) {
        for (String pattern : patterns) {
            builder.addInitRootPattern(methodPattern(Option.INIT_ROOT, pattern));
        }
        return this;
    }

    public ConfigOptions rootAnnotations(List<String> binaryNames) {
        for (String annotation : binaryNames) {
            if (!JvmNames.isBinaryName(annotation)) {
                throw new ConfigurationException(names.apply(Option.ROOT_ANNOTATION) + ": '" + annotation
                        + "' is not a class name; use the binary name, e.g. com.acme.RealTime");
            }
            builder.addRootAnnotation(annotation);
        }
        return this;
    }

    /** {@code unbounded-loop=warning}, {@code recursion=off}: a rule id from the rule table and a level. */
    public ConfigOptions rules(List<String> levels) {
        RuleLevels parsed = RuleLevels.none();
        for (String text : levels) {
            parsed = parsed.with(names.apply(Option.RULE), text);
        }
        builder.ruleLevels(parsed);
        return this;
    }

    /** Class patterns ({@code com.acme.generated.**}) and method patterns ({@code com.acme.Motor#dump}). */
    public ConfigOptions excludes(List<String> patterns) {
        Exclusions.parse(names.apply(Option.EXCLUDE), patterns); // a malformed pattern is told before any analysis
        patterns.forEach(builder::addExclude);
        return this;
    }

    /** Whether a run that checks nothing passes (true) or is a configuration error (false, the default). */
    public ConfigOptions allowNoRoots(Boolean allow) {
        if (allow != null) {
            builder.allowNoRoots(allow);
        }
        return this;
    }

    /** {@code com.acme.Motor#onTick}, {@code com.acme.*#*}: a class part and a method part. */
    private String methodPattern(Option option, String pattern) {
        if (!JvmNames.isMethodPatternShape(pattern)) {
            throw new ConfigurationException(names.apply(option) + ": '" + pattern + "' is not a method pattern;"
                    + " use <class>#<method>, e.g. com.acme.Motor#onTick or com.acme.*#*");
        }
        return pattern;
    }

    /** The value, or a {@link ConfigurationException} that names the option as the front end does. */
    private <T> T parse(Option option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (ConfigurationException e) {
            String name = names.apply(option);
            String message = e.getMessage();
            throw new ConfigurationException(message.contains(name) ? message : name + ": " + message, e);
        }
    }
}
