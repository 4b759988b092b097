package dev.headroom.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a front end tells the writers besides the result: values that are not part of the analysis but
 * still appear in a report, chosen so that the same input gives the same bytes.
 *
 * @param sarifCategory the SARIF run's category ({@code runs[].automationDetails.id} is it plus {@code /}),
 *                      so that GitHub keeps the runs of several modules apart ({@link ReportPaths#sarifCategory});
 *                      null for none
 * @param timestamp     the JUnit XML suite's {@code timestamp}: a value the build fixes (SOURCE_DATE_EPOCH,
 *                      Maven's {@code project.build.outputTimestamp}), never the clock
 */
public record ReportSettings(String sarifCategory, Instant timestamp) {
    /** No category; the epoch as the timestamp. */
    public static final ReportSettings DEFAULTS = new ReportSettings(null, Instant.EPOCH);
    /** The environment variable of reproducible builds (reproducible-builds.org): seconds since the epoch. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    public ReportSettings {
        Objects.requireNonNull(timestamp, "timestamp");
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
