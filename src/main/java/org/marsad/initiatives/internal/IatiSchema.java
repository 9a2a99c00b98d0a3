package org.marsad.initiatives.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The official IATI 2.03 activities schema (Marsad's own copy under {@code iati/2.03}) and a validator that says,
 * for each problem, the line, the column, the element and the reason. Files never reach anything outside: a
 * DOCTYPE is refused, so are external entities, DTDs and schemas (no XXE).
 */
@Component
public class IatiSchema {

    static final String FOLDER = "iati/2.03/";
    static final int MAX_PROBLEMS = 100;

    private final Schema schema;

    IatiSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            // The schema includes iati-common.xsd and imports xml.xsd: both come from the class path, nothing is fetched.
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
                LSInput input = ls.createLSInput();
                input.setSystemId(name);
                input.setByteStream(open(name));
                return input;
            });
            StreamSource main = new StreamSource(open("iati-activities-schema.xsd"), "iati-activities-schema.xsd");
            this.schema = factory.newSchema(main);
        }
        catch (SAXException | ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load the IATI 2.03 schema: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) {
        if (!name.matches("[a-z0-9-]+\\.xsd")) {
            throw new IllegalArgumentException("not one of the IATI schema files: " + name);
        }
        try {
            return new ClassPathResource(FOLDER + name).getInputStream();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing IATI schema file " + name, e);
        }
    }

    /** A problem of a file: where (line, column, element path) and why. */
    public record Problem(int line, int column, String path, String element, String reason) {
    }

    /** Every problem of the file (up to {@value #MAX_PROBLEMS}); empty when it is well-formed and valid. */
    public List<Problem> validate(byte[] content) {
        List<Problem> problems = new ArrayList<>();
        PathTracker tracker;
        try {
            tracker = new PathTracker(secureReader());
        }
        catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        }
        catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                add(e);
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                add(e);
                throw e;
            }

            private void add(SAXParseException e) throws SAXException {
                problems.add(new Problem(e.getLineNumber(), e.getColumnNumber(), tracker.path(), tracker.element(),
                        e.getMessage()));
                if (problems.size() >= MAX_PROBLEMS) {
                    throw new SAXException("too many problems");
                }
            }
        });
        try {
            validator.validate(new SAXSource(tracker, new InputSource(new ByteArrayInputStream(content))));
        }
        catch (SAXParseException e) {
            if (problems.stream().noneMatch(p -> p.line() == e.getLineNumber() && p.reason().equals(e.getMessage()))) {
                problems.add(new Problem(e.getLineNumber(), e.getColumnNumber(), tracker.path(), tracker.element(),
                        e.getMessage()));
            }
        }
        catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(new Problem(0, 0, tracker.path(), tracker.element(), e.getMessage()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** A namespace-aware SAX reader that refuses DOCTYPEs and never resolves external entities. */
    static XMLReader secureReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newSAXParser().getXMLReader();
    }

    /** Keeps the path of the element being read ({@code /iati-activities/iati-activity[2]/budget[1]}). */
    static final class PathTracker extends XMLFilterImpl {

        private final Deque<String> path = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> counts = new ArrayDeque<>();
        private String current = "";

        PathTracker(XMLReader parent) {
            super(parent);
            counts.push(new HashMap<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            int n = counts.peek().merge(localName, 1, Integer::sum);
            path.addLast(localName + "[" + n + "]");
            counts.push(new HashMap<>());
            current = localName;
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            current = localName;
            super.endElement(uri, localName, qName);
            path.pollLast();
            counts.pop();
        }

        String path() {
            return path.isEmpty() ? "/" : "/" + String.join("/", path);
        }

        String element() {
            return current;
        }
    }
}
