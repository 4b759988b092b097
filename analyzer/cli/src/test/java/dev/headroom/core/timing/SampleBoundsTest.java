package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.TimingExceptions;
import dev.headroom.core.model.RootTiming;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Soundness against reality on the sample projects, next to the core's measured targets: the samples'
 * bounded roots run under the core's counting class loader (from the core's test jar; the samples are
 * on this module's test classpath), in long seeded random sequences that drive the objects into many
 * states (empty and full rings, bursts of events, faults), and no call may execute more bytecode
 * instructions than the static bound under {@code unit}. Tightness is printed per root.
 *
 * <p>Every root's worst case is reachable by the drivers, so the bound must also stay within 2x of the
 * observed maximum, or within 3x where an entry in {@code loose} explains why (the fixed telemetry sample's
 * formatting roots: the JDK code they call runs uncounted). Measured: 1.00 to 1.25, and 2.2 to 2.5 for those.
 */
class SampleBoundsTest {
    private static final Path SAMPLES = Path.of("../../sample-projects");
    private static final int STEPS = 4_000;

    /** Observed maximum per root, by {@code Class#method}. */
    private final Map<String, Long> observed = new TreeMap<>();

    @Test
    void motorControllerRootsStayWithinTheirBounds() throws Exception {
        ClassLoader loader = new CountingClassLoader(getClass().getClassLoader(), "com.example.motor");
        Class<?> main = Class.forName("com.example.motor.Main", true, loader);
        Object motor = staticField(main, "MOTOR");
        Object events = staticField(main, "EVENTS");
        Random random = new Random(20261121);
        for (int step = 0; step < STEPS; step++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    int burst = random.nextInt(48); // up to beyond the ring's capacity of 32: overruns too
                    for (int k = 0; k < burst; k++) {
                        measure("MotorController#onEncoderTick", motor, "onEncoderTick", random.nextInt(5) - 2);
                    }
                }
                case 1 -> measure("MotorController#controlStep", motor, "controlStep");
                case 2 -> measure("EventLoop#runOnce", events, "runOnce");
                case 3 -> {
                    int burst = random.nextInt(24); // more than a batch of 8, more than the 16 slots
                    for (int k = 0; k < burst; k++) {
                        call(events, "post", random.nextInt(5), random.nextInt(2_001) - 1_000);
                    }
                }
                case 4 -> call(motor, "setTargetSpeed", random.nextInt(4_001) - 2_000);
                default -> {
                    if (random.nextBoolean()) {
                        call(motor, "trip", random.nextInt(256));
                    } else {
                        call(motor, "clearFault");
                    }
                }
            }
        }
        check("motor-controller", Map.of());
    }

    @Test
    void telemetryBoundedRootsStayWithinTheirBounds() throws Exception {
        ClassLoader loader = new CountingClassLoader(getClass().getClassLoader(), "com.example.telemetry");
        Object stats = construct(loader, "com.example.telemetry.RollingStats", new Class<?>[] {int.class}, 16);
        Object link = construct(loader, "com.example.telemetry.LinkMonitor", new Class<?>[0]);
        Object log = construct(loader, "com.example.telemetry.LogRing", new Class<?>[] {int.class}, 64);
        Object alerts = construct(loader, "com.example.telemetry.AlertQueue", new Class<?>[] {int.class}, 8);
        Object handler = construct(loader, "com.example.telemetry.TelemetryHandler",
                new Class<?>[] {String.class, long.class, log.getClass(), alerts.getClass()}, "imu", 900L, log, alerts);
        Random random = new Random(7);
        for (int step = 0; step < STEPS; step++) {
            switch (random.nextInt(3)) {
                case 0 -> measure("RollingStats#record", stats, "record", (long) random.nextInt() * random.nextInt(3));
                case 1 -> measure("LinkMonitor#onLinkStatusIrq", link, "onLinkStatusIrq", random.nextInt(4));
                default -> measure("TelemetryHandler#onLinkUp", handler, "onLinkUp", random.nextInt(1_024));
            }
        }
        check("telemetry-mistakes", Map.of());
    }

    /**
     * The telemetry sample rewritten with headroom-collections: its handler's roots run on the one handler the
     * static initialiser makes, and their loops are bounded by the capacities fixed there. The library's classes
     * are counted too. The driver makes every line length, an unknown sensor (the map full), alarm bursts beyond
     * the 8 alarms with and without the publisher draining them, and rejected frame sizes.
     */
    @Test
    void telemetryFixedRootsStayWithinTheirBounds() throws Exception {
        String pkg = "com.example.telemetry.fixed";
        ClassLoader loader = new CountingClassLoader(getClass().getClassLoader(), pkg, "dev.headroom.collections");
        Class<?> task = Class.forName(pkg + ".TelemetryTask", true, loader);
        Object handler = staticField(task, "HANDLER");
        Object stats = staticField(task, "STATS");
        Object link = staticField(task, "LINK");
        Object alerts = staticField(task, "ALERTS");
        long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 899, 900, 901};
        Random random = new Random(20261203);
        for (int step = 0; step < STEPS; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    int sensor = random.nextInt(4) - 1; // -1 and 2 are unknown: the map of 2 sensors is full
                    long value = random.nextBoolean() ? extremes[random.nextInt(extremes.length)]
                            : random.nextLong() >> random.nextInt(64);
                    measure("TelemetryHandler#onSample", handler, "onSample", sensor, value);
                }
                case 2 -> measure("TelemetryHandler#publishSummary", handler, "publishSummary");
                case 3 -> measure("TelemetryHandler#onLinkUp", handler, "onLinkUp", random.nextInt(2_048));
                case 4 -> {
                    measure("LinkMonitor#onLinkStatusIrq", link, "onLinkStatusIrq", random.nextInt(4));
                    measure("RollingStats#record", stats, "record", random.nextLong() >> random.nextInt(64));
                }
                default -> { // the publisher thread's side (here the same thread): hand some alarms back
                    for (int k = random.nextInt(10); k > 0; k--) {
                        Object alarm = call(alerts, "poll");
                        if (alarm == null) {
                            break;
                        }
                        call(alerts, "recycle", alarm);
                    }
                }
            }
        }
        String jdkAndLineLength = "the bound counts the JDK's String.charAt and Objects.checkIndex, which run uncounted"
                + " here, and copies a whole line of 64 bytes into the log where the longest line has 50";
        check("telemetry-fixed", List.of(COLLECTIONS), Map.of("TelemetryHandler#onSample", jdkAndLineLength,
                "TelemetryHandler#publishSummary", jdkAndLineLength));
    }

    private static final Path COLLECTIONS = Path.of("../../collections/target/classes");

    /** Compares each measured root with its static bound; roots with no bound are not measured. */
    private void check(String sample, Map<String, String> loose) {
        check(sample, List.of(), loose);
    }

    private void check(String sample, List<Path> classpath, Map<String, String> loose) {
        Path classes = SAMPLES.resolve(sample).resolve("target/classes");
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%n%-36s %8s %8s %9s%n", sample, "static", "observed", "tightness"));
        try (TimingPrograms.Program program = TimingPrograms.analyzeInputs(classes, classpath, CostModels.load("unit"),
                FlowFacts.none(), TimingExceptions.EXCLUDE)) {
            int measured = 0;
            for (RootTiming timing : program.result().report().roots()) {
                String name = timing.root().simpleClassName() + "#" + timing.root().name();
                Long max = observed.get(name);
                if (max == null) {
                    continue;
                }
                measured++;
                if (!timing.bounded()) {
                    problems.add(name + " is measured but has no static bound: " + timing.worstPath());
                    continue;
                }
                double tightness = max == 0 ? Double.POSITIVE_INFINITY : (double) timing.wcet() / max;
                table.append(String.format("%-36s %8d %8d %9.2f%n", name, timing.wcet(), max, tightness));
                if (max > timing.wcet()) {
                    problems.add(name + ": observed " + max + " bytecodes, above the static bound " + timing.wcet());
                } else if (tightness > (loose.containsKey(name) ? 3.0 : 2.0)) {
                    problems.add(name + ": static bound " + timing.wcet() + " is " + String.format("%.2f", tightness)
                            + "x the observed maximum " + max);
                }
            }
            assertEquals(observed.size(), measured, "every measured root is a root of " + sample + ": " + observed.keySet());
        }
        System.out.print(table);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n  " + String.join("\n  ", problems));
        }
    }

    private void measure(String root, Object target, String method, Object... args) throws Exception {
        BytecodeCounter.count = 0;
        call(target, method, args);
        observed.merge(root, BytecodeCounter.count, Math::max);
    }

    /** Calls a method of {@code target}, or a static method when {@code target} is a {@link Class}; its result. */
    private static Object call(Object target, String name, Object... args) throws Exception {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Object receiver = target instanceof Class<?> ? null : target;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(receiver, args);
                } catch (InvocationTargetException e) {
                    return null; // an exception out of the root ends the call; what ran until then was counted
                }
            }
        }
        throw new AssertionError("no method " + name + " on " + type);
    }

    private static Object staticField(Class<?> owner, String name) throws Exception {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    private static Object construct(ClassLoader loader, String className, Class<?>[] types, Object... args)
            throws Exception {
        Constructor<?> c = Class.forName(className, true, loader).getDeclaredConstructor(types);
        c.setAccessible(true);
        return c.newInstance(args);
    }
}
