package dev.headroom.reports;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON schemas the reports are validated against, loaded once from the test classpath, with a
 * maintained validator (networknt json-schema-validator). Each schema names its own dialect in
 * {@code $schema}: draft-04 for SARIF, 2020-12 for the Headroom report.
 */
public final class JsonSchemas {

    /** The official SARIF 2.1.0 schema (rtm.5), as published with the standard. */
    public static final Schema SARIF = load("/sarif-2.1.0-rtm.5.json", SpecificationVersion.DRAFT_4);
    /** The schema of the JSON report: reports/schema/headroom-report.schema.json, packaged in the jar. */
    public static final Schema REPORT = load(JsonReportWriter.SCHEMA_RESOURCE, SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    /** The schema violations of {@code json}, each as {@code instance-location: message}; empty when valid. */
    public static List<String> violations(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema load(String resource, SpecificationVersion defaultVersion) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the test classpath");
            }
            return SchemaRegistry.withDefaultDialect(defaultVersion).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
