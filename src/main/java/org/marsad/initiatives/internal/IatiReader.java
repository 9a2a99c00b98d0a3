package org.marsad.initiatives.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marsad.initiatives.IatiImportPreview.Note;
import org.marsad.platform.LocalizedText;

/**
 * Reads the parts of IATI activities Marsad keeps from a file the schema has accepted. Values are kept as written
 * (codes, dates, amounts as text) with their line, so that the import can say where a value it cannot use is.
 */
final class IatiReader {

    private static final XMLInputFactory INPUTS = XMLInputFactory.newFactory();

    static {
        INPUTS.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUTS.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUTS.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private IatiReader() {
    }

    record Org(int line, String ref, String type, String role, LocalizedText name, boolean secondaryReporter) {
    }

    record DateValue(int line, String type, String isoDate) {
    }

    record Tag(int line, String vocabulary, String vocabularyUri, String code) {
    }

    record Location(int line, String ref, LocalizedText name) {
    }

    /** A budget (type, start, end) or a transaction (type, date) with its value. */
    record Money(int line, String type, String start, String end, String amount, String currency, LocalizedText description) {
    }

    record Activity(int index, int line, String identifier, String defaultCurrency, String lastUpdated, Org reporting,
            LocalizedText title, LocalizedText description, List<Org> organisations, String status, int statusLine,
            List<DateValue> dates, List<Location> locations, List<Tag> tags, List<Money> budgets,
            List<Money> transactions, List<Note> notes) {
    }

    static List<Activity> read(byte[] content) {
        List<Activity> activities = new ArrayList<>();
        try {
            XMLStreamReader xml = INPUTS.createXMLStreamReader(new ByteArrayInputStream(content));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("iati-activity")) {
                    activities.add(activity(xml, activities.size() + 1));
                }
            }
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("a file the schema accepted could not be read: " + e.getMessage(), e);
        }
        return activities;
    }

    /** Reads one activity; the reader is on its start tag and is left on its end tag. */
    private static Activity activity(XMLStreamReader xml, int index) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        String lang = attribute(xml, XMLConstants.XML_NS_URI, "lang");
        String defaultCurrency = attribute(xml, null, "default-currency");
        String lastUpdated = attribute(xml, null, "last-updated-datetime");
        String identifier = "";
        Org reporting = null;
        LocalizedText title = null;
        LocalizedText description = null;
        String descriptionType = null;
        String status = null;
        int statusLine = line;
        List<Org> orgs = new ArrayList<>();
        List<DateValue> dates = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        List<Money> budgets = new ArrayList<>();
        List<Money> transactions = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        TreeSet<String> ignored = new TreeSet<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("iati-activity")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            int at = xml.getLocation().getLineNumber();
            String name = xml.getLocalName();
            if (xml.getNamespaceURI() != null && !xml.getNamespaceURI().isEmpty()) {
                skip(xml);
                continue;
            }
            switch (name) {
                case "iati-identifier" -> identifier = xml.getElementText().strip();
                case "reporting-org" -> {
                    String ref = attribute(xml, null, "ref");
                    String type = attribute(xml, null, "type");
                    String secondary = attribute(xml, null, "secondary-reporter");
                    reporting = new Org(at, ref, type, null, narratives(xml, lang, notes),
                            "1".equals(secondary) || "true".equals(secondary));
                }
                case "title" -> title = narratives(xml, lang, notes);
                case "description" -> {
                    String type = attribute(xml, null, "type");
                    LocalizedText text = narratives(xml, lang, notes);
                    // The general description (type 1 or no type) wins over objectives, target groups and others.
                    boolean general = type == null || type.equals("1");
                    if (description == null || (general && descriptionType != null && !descriptionType.equals("1"))) {
                        description = text;
                        descriptionType = type;
                    }
                }
                case "participating-org" -> {
                    String ref = attribute(xml, null, "ref");
                    String type = attribute(xml, null, "type");
                    String role = attribute(xml, null, "role");
                    orgs.add(new Org(at, ref, type, role, narratives(xml, lang, notes), false));
                }
                case "activity-status" -> {
                    status = attribute(xml, null, "code");
                    statusLine = at;
                    skip(xml);
                }
                case "activity-date" -> {
                    dates.add(new DateValue(at, attribute(xml, null, "type"), attribute(xml, null, "iso-date")));
                    skip(xml);
                }
                case "location" -> {
                    String ref = attribute(xml, null, "ref");
                    locations.add(new Location(at, ref, location(xml, lang, notes)));
                }
                case "tag" -> {
                    tags.add(new Tag(at, attribute(xml, null, "vocabulary"), attribute(xml, null, "vocabulary-uri"),
                            attribute(xml, null, "code")));
                    skip(xml);
                }
                case "budget" -> budgets.add(money(xml, "budget", attribute(xml, null, "type"), at, lang, notes));
                case "transaction" -> transactions.add(money(xml, "transaction", null, at, lang, notes));
                default -> {
                    ignored.add(name);
                    skip(xml);
                }
            }
        }
        if (!ignored.isEmpty()) {
            notes.add(new Note(line, "initiatives.iati.note.ignored", List.of(String.valueOf(line), String.join(", ", ignored))));
        }
        return new Activity(index, line, identifier, defaultCurrency, lastUpdated, reporting,
                title == null ? LocalizedText.of(null, null, null) : title,
                description == null ? LocalizedText.of(null, null, null) : description, orgs, status, statusLine, dates,
                locations, tags, budgets, transactions, notes);
    }

    /** The children of a budget or transaction element, up to its end tag. */
    private static Money money(XMLStreamReader xml, String element, String type, int line, String lang, List<Note> notes)
            throws XMLStreamException {
        String kind = type;
        String start = null;
        String end = null;
        String amount = null;
        String currency = null;
        LocalizedText description = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "period-start", "transaction-date" -> {
                    start = attribute(xml, null, "iso-date");
                    skip(xml);
                }
                case "period-end" -> {
                    end = attribute(xml, null, "iso-date");
                    skip(xml);
                }
                case "transaction-type" -> {
                    kind = attribute(xml, null, "code");
                    skip(xml);
                }
                case "value" -> {
                    currency = attribute(xml, null, "currency");
                    amount = xml.getElementText().strip();
                }
                case "description" -> description = narratives(xml, lang, notes);
                default -> skip(xml);
            }
        }
        return new Money(line, kind, start, end, amount, currency, description);
    }

    private static LocalizedText location(XMLStreamReader xml, String lang, List<Note> notes) throws XMLStreamException {
        LocalizedText name = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            else if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("name")) {
                    name = narratives(xml, lang, notes);
                }
                else {
                    skip(xml);
                }
            }
        }
        return name;
    }

    /**
     * The narratives of the element the reader is on, by language, up to its end tag. A narrative without xml:lang
     * is in the activity's language (English when the activity declares none). Marsad keeps French, Arabic and
     * English; text in another language is kept (as English) only when there is nothing else, and noted.
     */
    private static LocalizedText narratives(XMLStreamReader xml, String activityLang, List<Note> notes)
            throws XMLStreamException {
        Map<String, String> byLang = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        int line = xml.getLocation().getLineNumber();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            else if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("narrative")) {
                    String lang = attribute(xml, XMLConstants.XML_NS_URI, "lang");
                    String language = (lang != null ? lang : activityLang != null ? activityLang : "en")
                            .toLowerCase(Locale.ROOT);
                    language = language.length() > 2 ? language.substring(0, 2) : language;
                    String text = xml.getElementText().strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (language.equals("fr") || language.equals("ar") || language.equals("en")) {
                        byLang.merge(language, text, (a, b) -> a + "\n" + b);
                    }
                    else {
                        others.merge(language, text, (a, b) -> a + "\n" + b);
                    }
                }
                else {
                    skip(xml);
                }
            }
        }
        if (byLang.isEmpty() && !others.isEmpty()) {
            var first = others.entrySet().iterator().next();
            byLang.put("en", first.getValue());
            notes.add(new Note(line, "initiatives.iati.note.language", List.of(String.valueOf(line), first.getKey())));
        }
        else if (!others.isEmpty()) {
            notes.add(new Note(line, "initiatives.iati.note.otherLanguages",
                    List.of(String.valueOf(line), String.join(", ", others.keySet()))));
        }
        return LocalizedText.of(byLang.get("fr"), byLang.get("ar"), byLang.get("en"));
    }

    private static String attribute(XMLStreamReader xml, String namespace, String name) {
        String value = xml.getAttributeValue(namespace, name);
        return value == null ? null : value.strip();
    }

    /** Skips the element the reader is on, up to its end tag. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
