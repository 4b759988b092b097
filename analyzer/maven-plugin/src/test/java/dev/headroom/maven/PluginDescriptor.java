package dev.headroom.maven;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The goal's parameters as the generated plugin descriptor ({@code META-INF/maven/plugin.xml}) declares
 * them to Maven: what users can set, through which {@code headroom.*} property, with which default.
 */
final class PluginDescriptor {
    /** One parameter: its user property ({@code headroom.x}, or null) and its declared default (or null). */
    record Parameter(String name, String type, String property, String defaultValue) {
    }

    private PluginDescriptor() {
    }

    static Map<String, Parameter> checkGoalParameters() {
        try (InputStream in = PluginDescriptor.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            if (in == null) {
                throw new IllegalStateException("no plugin descriptor on the test classpath: run mvn process-classes");
            }
            Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            NodeList mojos = plugin.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                if (text(mojo, "goal").equals("check")) {
                    return parameters(mojo);
                }
            }
            throw new IllegalStateException("no check goal in the plugin descriptor");
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("cannot read the plugin descriptor", e);
        }
    }

    /** Sets every parameter that has a literal default to that default, as Maven does before execute(). */
    static void applyDefaults(CheckMojo mojo) {
        for (Parameter parameter : checkGoalParameters().values()) {
            String value = parameter.defaultValue();
            if (value == null || value.contains("${")) {
                continue;
            }
            try {
                Field field = CheckMojo.class.getDeclaredField(parameter.name());
                Class<?> type = field.getType();
                if (type == String.class) {
                    field.set(mojo, value);
                } else if (type == boolean.class) {
                    field.setBoolean(mojo, Boolean.parseBoolean(value));
                } else if (type == int.class) {
                    field.setInt(mojo, Integer.parseInt(value));
                } else if (type == List.class) {
                    field.set(mojo, Arrays.asList(value.split(",")));
                } else {
                    throw new IllegalStateException("no conversion for " + parameter);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot set " + parameter, e);
            }
        }
    }

    private static Map<String, Parameter> parameters(Element mojo) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        for (Node node = configuration.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                String expression = element.getTextContent().trim();
                String property = expression.startsWith("${") && expression.endsWith("}")
                        ? expression.substring(2, expression.length() - 1)
                        : null;
                String defaultValue = element.hasAttribute("default-value") ? element.getAttribute("default-value") : null;
                parameters.put(element.getTagName(), new Parameter(element.getTagName(),
                        element.getAttribute("implementation"), property, defaultValue));
            }
        }
        return parameters;
    }

    private static String text(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }
}
