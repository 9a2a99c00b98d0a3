package org.marsad.initiatives;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * The tests' own validator of IATI files: plain {@code javax.xml.validation} on the project's copy of the official
 * 2.03 schema, independent of the code under test.
 */
public final class IatiSchemaValidator {

    private static Schema schema;

    private IatiSchemaValidator() {
    }

    private static synchronized Schema schema() throws SAXException {
        if (schema == null) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schema = factory.newSchema(IatiSchemaValidator.class.getResource("/iati/2.03/iati-activities-schema.xsd"));
        }
        return schema;
    }

    /** The problems of the document ("line:column message"), empty when it is valid. */
    public static List<String> problems(byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            Validator validator = schema().newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        }
        catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return problems;
    }
}
