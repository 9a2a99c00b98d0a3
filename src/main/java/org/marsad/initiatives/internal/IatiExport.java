package org.marsad.initiatives.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.Budget;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.Participation;
import org.marsad.initiatives.TargetGroup;
import org.marsad.initiatives.Transaction;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes initiatives as an IATI 2.03 activities file with StAX, one page of the database at a time, so that the
 * memory it needs does not grow with the number of activities.
 *
 * <p>Where IATI needs more than the documents say, the file says so rather than inventing: a date known only
 * to the year or month is written as its first (start) or last (end) day with the date as stated in a narrative;
 * an initiative without any date gets one activity date, the date it is recorded as of, typed as an actual start
 * when it was already under way then (else a planned start), with a narrative saying the date is not stated.
 * Regions are written as locations referenced by their ISO 3166-2 code; framework nodes and target groups as
 * tags of Marsad's own vocabularies.
 */
@Component
public class IatiExport {

    static final int PAGE = 500;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final InitiativeRepository repository;
    private final OrganisationsApi organisations;
    private final FrameworksApi frameworks;
    private final MessageSource messages;
    private final TransactionTemplate readOnly;
    private final XMLOutputFactory outputs = XMLOutputFactory.newFactory();

    IatiExport(InitiativeRepository repository, OrganisationsApi organisations, FrameworksApi frameworks,
            MessageSource messages, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.organisations = organisations;
        this.frameworks = frameworks;
        this.messages = messages;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public void write(OutputStream out, Long reportingOrgId, Viewer viewer) {
        Map<Long, Optional<Organisation>> orgs = new HashMap<>();
        Map<String, LocalizedText> nodeTitles = new HashMap<>();
        try {
            XMLStreamWriter xml = outputs.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", "2.03");
            xml.writeAttribute("generated-datetime", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DATE_TIME));
            long after = 0;
            while (true) {
                long from = after;
                Page page = readOnly.execute(status -> {
                    List<InitiativeRepository.ExportRow> rows = repository.exportPage(from, PAGE, reportingOrgId, viewer);
                    return new Page(rows, repository.liveLinks(rows.stream().map(InitiativeRepository.ExportRow::id).toList()));
                });
                for (InitiativeRepository.ExportRow row : page.rows()) {
                    activity(xml, row, page.links().getOrDefault(row.id(), List.of()), orgs, nodeTitles);
                    after = row.id();
                }
                xml.flush();
                if (page.rows().size() < PAGE) {
                    break;
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("IATI export failed: " + e.getMessage(), e);
        }
    }

    private record Page(List<InitiativeRepository.ExportRow> rows, Map<Long, List<InitiativeRepository.LinkRow>> links) {
    }

    private void activity(XMLStreamWriter xml, InitiativeRepository.ExportRow row, List<InitiativeRepository.LinkRow> links,
            Map<Long, Optional<Organisation>> orgs, Map<String, LocalizedText> nodeTitles) throws XMLStreamException {
        State s = row.state();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("iati-activity");
        xml.writeAttribute("last-updated-datetime", row.recordedAt().withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).format(DATE_TIME));
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "fr");
        String currency = singleCurrency(s);
        if (currency != null) {
            xml.writeAttribute("default-currency", currency);
        }
        element(xml, "iati-identifier", row.identifier());

        OrganisationLabel reporting = s.reportingOrganisation() != null ? s.reportingOrganisation()
                : s.participations().getFirst().organisation();
        Optional<Organisation> reportingOrg = organisation(reporting, orgs);
        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", ref(reporting, reportingOrg));
        xml.writeAttribute("type", IatiCodes.organisationType(reportingOrg.map(Organisation::type).orElse(null)));
        if (s.secondaryReporter()) {
            xml.writeAttribute("secondary-reporter", "1");
        }
        narratives(xml, reportingOrg.map(Organisation::name).orElse(reporting.name()), reporting.label());
        xml.writeEndElement();

        xml.writeStartElement("title");
        narratives(xml, s.title(), row.code());
        xml.writeEndElement();
        xml.writeStartElement("description");
        xml.writeAttribute("type", "1");
        narratives(xml, s.description().isEmpty() ? s.title() : s.description(), row.code());
        xml.writeEndElement();

        for (Participation p : s.participations()) {
            Optional<Organisation> org = organisation(p.organisation(), orgs);
            xml.writeStartElement("participating-org");
            String ref = org.map(Organisation::iatiIdentifier).orElse(p.organisation().ref());
            if (ref != null && !ref.isBlank()) {
                xml.writeAttribute("ref", ref);
            }
            if (org.isPresent()) {
                xml.writeAttribute("type", IatiCodes.organisationType(org.get().type()));
            }
            xml.writeAttribute("role", String.valueOf(p.role().code()));
            narratives(xml, org.map(Organisation::name).orElse(p.organisation().name()), p.organisation().label());
            xml.writeEndElement();
        }

        xml.writeEmptyElement("activity-status");
        xml.writeAttribute("code", String.valueOf(s.status().code()));

        boolean anyDate = false;
        anyDate |= activityDate(xml, "1", s.dates().plannedStart(), false);
        anyDate |= activityDate(xml, "2", s.dates().actualStart(), false);
        anyDate |= activityDate(xml, "3", s.dates().plannedEnd(), true);
        anyDate |= activityDate(xml, "4", s.dates().actualEnd(), true);
        if (!anyDate) {
            PartialDate recorded = row.firstValidFrom();
            xml.writeStartElement("activity-date");
            xml.writeAttribute("type", s.status() == ActivityStatus.PIPELINE ? "1" : "2");
            xml.writeAttribute("iso-date", recorded.earliest().toString());
            narrative(xml, "fr", message("initiatives.iati.noDate", recorded, "fr"));
            narrative(xml, "en", message("initiatives.iati.noDate", recorded, "en"));
            xml.writeEndElement();
        }

        if (!s.regions().isEmpty()) {
            xml.writeEmptyElement("recipient-country");
            xml.writeAttribute("code", "MA");
        }
        for (String region : s.regions()) {
            xml.writeStartElement("location");
            xml.writeAttribute("ref", region);
            xml.writeStartElement("name");
            narrative(xml, null, messages.getMessage("initiatives.region." + region, null, region, Locale.FRENCH));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (String place : s.places()) {
            xml.writeStartElement("location");
            xml.writeStartElement("name");
            narrative(xml, null, place);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (InitiativeRepository.LinkRow link : links) {
            xml.writeStartElement("tag");
            xml.writeAttribute("vocabulary", IatiCodes.OWN_VOCABULARY);
            xml.writeAttribute("vocabulary-uri", IatiCodes.NODE_VOCABULARY);
            xml.writeAttribute("code", link.nodeCode());
            LocalizedText title = nodeTitles.computeIfAbsent(link.nodeCode(),
                    code -> frameworks.findNode(code).map(FrameworkNode::title).orElse(LocalizedText.of(null, null, null)));
            narratives(xml, title, link.nodeCode());
            xml.writeEndElement();
        }
        for (TargetGroup group : s.targetGroups()) {
            xml.writeStartElement("tag");
            xml.writeAttribute("vocabulary", IatiCodes.OWN_VOCABULARY);
            xml.writeAttribute("vocabulary-uri", IatiCodes.TARGET_GROUP_VOCABULARY);
            xml.writeAttribute("code", group.name());
            narrative(xml, null, messages.getMessage("initiatives.targetGroup." + group.name(), null, group.name(), Locale.FRENCH));
            xml.writeEndElement();
        }
        for (Budget b : s.budgets()) {
            if (b.stated()) {
                continue;
            }
            xml.writeStartElement("budget");
            xml.writeAttribute("type", String.valueOf(b.type().code()));
            xml.writeEmptyElement("period-start");
            xml.writeAttribute("iso-date", b.periodStart().toString());
            xml.writeEmptyElement("period-end");
            xml.writeAttribute("iso-date", b.periodEnd().toString());
            value(xml, b.amount(), b.currency(), b.periodStart());
            xml.writeEndElement();
        }
        for (Budget b : s.budgets()) {
            if (b.stated()) {
                statedTotal(xml, b, row.firstValidFrom());
            }
        }
        for (Transaction t : s.transactions()) {
            xml.writeStartElement("transaction");
            xml.writeEmptyElement("transaction-type");
            xml.writeAttribute("code", String.valueOf(t.type().code()));
            xml.writeEmptyElement("transaction-date");
            xml.writeAttribute("iso-date", t.date().toString());
            value(xml, t.amount(), t.currency(), t.date());
            if (t.description() != null && !t.description().isEmpty()) {
                xml.writeStartElement("description");
                narratives(xml, t.description(), "");
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /**
     * A total the documents state without a period cannot be an IATI budget (it needs a period of at most a year):
     * it is written as an outgoing commitment dated as the source, with a description that says so.
     */
    private void statedTotal(XMLStreamWriter xml, Budget b, PartialDate source) throws XMLStreamException {
        xml.writeStartElement("transaction");
        xml.writeEmptyElement("transaction-type");
        xml.writeAttribute("code", "2");
        xml.writeEmptyElement("transaction-date");
        xml.writeAttribute("iso-date", source.earliest().toString());
        value(xml, b.amount(), b.currency(), source.earliest());
        xml.writeStartElement("description");
        narrative(xml, null, message("initiatives.iati.statedTotal", source.value(), "fr"));
        narrative(xml, "en", message("initiatives.iati.statedTotal", source.value(), "en"));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private boolean activityDate(XMLStreamWriter xml, String type, PartialDate date, boolean end) throws XMLStreamException {
        if (date == null) {
            return false;
        }
        LocalDate day = end ? InputChecks.latest(date) : date.earliest();
        xml.writeStartElement("activity-date");
        xml.writeAttribute("type", type);
        xml.writeAttribute("iso-date", day.toString());
        if (date.value().length() < 10) {
            narrative(xml, "fr", message("initiatives.iati.partialDate", date.value(), "fr"));
            narrative(xml, "en", message("initiatives.iati.partialDate", date.value(), "en"));
        }
        xml.writeEndElement();
        return true;
    }

    private void value(XMLStreamWriter xml, BigDecimal amount, String currency, LocalDate valueDate) throws XMLStreamException {
        xml.writeStartElement("value");
        xml.writeAttribute("currency", currency);
        xml.writeAttribute("value-date", valueDate.toString());
        xml.writeCharacters(amount.toPlainString());
        xml.writeEndElement();
    }

    private String message(String key, Object arg, String language) {
        return messages.getMessage(key, new Object[] {String.valueOf(arg)}, key, Locale.forLanguageTag(language));
    }

    private static String singleCurrency(State s) {
        var currencies = new TreeSet<String>();
        s.budgets().forEach(b -> currencies.add(b.currency()));
        s.transactions().forEach(t -> currencies.add(t.currency()));
        return currencies.size() == 1 ? currencies.first() : null;
    }

    private Optional<Organisation> organisation(OrganisationLabel label, Map<Long, Optional<Organisation>> cache) {
        if (!label.registered()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(label.id(), organisations::find);
    }

    /** The IATI identifier; an organisation without one is named by its Marsad code (not a registered IATI id). */
    private static String ref(OrganisationLabel label, Optional<Organisation> org) {
        if (org.isPresent()) {
            return org.get().iatiIdentifier() != null ? org.get().iatiIdentifier() : org.get().code();
        }
        return label.ref() != null && !label.ref().isBlank() ? label.ref() : label.label();
    }

    /** One narrative per language present (French without xml:lang, the activity's language); never none. */
    private static void narratives(XMLStreamWriter xml, LocalizedText text, String fallback) throws XMLStreamException {
        LocalizedText t = text == null ? LocalizedText.of(null, null, null) : text;
        if (t.isEmpty()) {
            narrative(xml, null, fallback == null ? "" : fallback);
            return;
        }
        if (t.fr() != null) {
            narrative(xml, null, t.fr());
        }
        if (t.en() != null) {
            narrative(xml, "en", t.en());
        }
        if (t.ar() != null) {
            narrative(xml, "ar", t.ar());
        }
    }

    private static void narrative(XMLStreamWriter xml, String lang, String text) throws XMLStreamException {
        xml.writeStartElement("narrative");
        if (lang != null) {
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
