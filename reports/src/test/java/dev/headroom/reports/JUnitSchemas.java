package dev.headroom.reports;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The published JUnit XML schemas the report is validated against (test resources {@code junit/}, their
 * sources in {@code junit/README.md}), with the JDK's own XML Schema validator.
 */
public final class JUnitSchemas {
    /** The Ant JUnit task's schema (windyroad/JUnit-Schema): the strict one. */
    public static final Schema ANT = load("/junit/JUnit.xsd");
    /** Jenkins' xUnit plugin's {@code junit-10.xsd}. */
    public static final Schema JENKINS = load("/junit/junit-10.xsd");

    private JUnitSchemas() {
    }

    /** Every error and warning the validator reports, each with its line; empty when the XML is valid. */
    public static List<String> violations(Schema schema, String xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add(describe("warning", e));
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(describe("error", e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(describe("fatal", e));
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            problems.add("not readable: " + e.getMessage());
        }
        return problems;
    }

    private static String describe(String kind, SAXParseException e) {
        return kind + " at line " + e.getLineNumber() + ": " + e.getMessage();
    }

    private static Schema load(String resource) {
        URL url = JUnitSchemas.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema " + resource + " is not on the test classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot read schema " + resource + ": " + e.getMessage(), e);
        }
    }
}
