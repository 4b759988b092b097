package dev.headroom.reports;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a front end tells the writers besides the result: values that are not part of the analysis but
 * still appear in a report, chosen so that the same input gives the same bytes.
 *
 * @param sarifCategory the SARIF run's category ({@code runs[].automationDetails.id} is it plus {@code /}),
 *                      so that GitHub keeps the runs of several modules apart; null for none
 * @param timestamp     the JUnit XML suite's {@code timestamp}: a value the build fixes (SOURCE_DATE_EPOCH,
 *                      Maven's {@code project.build.outputTimestamp}), never the clock
 */
public record ReportSettings(String sarifCategory, Instant timestamp) {
    /** No category; the epoch as the timestamp. */
    public static final ReportSettings DEFAULTS = new ReportSettings(null, Instant.EPOCH);
    /** What {@code SOURCE_DATE_EPOCH} (reproducible-builds.org) holds: seconds since the epoch. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";
    /** The prefix of every category derived from a module. */
    static final String CATEGORY_PREFIX = "headroom";

    public ReportSettings {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * The category of a module's run: {@code headroom/<the module's path under the working directory>}
     * ({@code headroom/app}, {@code headroom/services/billing}), {@code headroom} for the working directory
     * itself, and {@code headroom/<directory name>} for a module outside it. The command line and the Maven
     * plugin derive it alike, so that both name a module's run the same.
     */
    public static String categoryOf(Path moduleDirectory, Path workingDirectory) {
        Path module = moduleDirectory.toAbsolutePath().normalize();
        Path base = workingDirectory.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        if (module.startsWith(base)) {
            base.relativize(module).forEach(name -> names.add(name.toString()));
            names.remove("");
        } else if (module.getFileName() != null) {
            names.add(module.getFileName().toString());
        }
        return names.isEmpty() ? CATEGORY_PREFIX : CATEGORY_PREFIX + "/" + String.join("/", names);
    }

    /**
     * A timestamp as the build tools write it: whole seconds since the epoch ({@code SOURCE_DATE_EPOCH},
     * {@code 1700000000}) or an ISO-8601 date and time with its offset ({@code 2023-11-14T22:13:20Z}, what
     * Maven writes into {@code project.build.outputTimestamp}).
     *
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static Instant parseTimestamp(String value) {
        String text = value.trim();
        try {
            if (text.matches("[0-9]{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is neither seconds since the epoch nor an ISO-8601"
                    + " date and time with an offset (2023-11-14T22:13:20Z)");
        }
    }
}
