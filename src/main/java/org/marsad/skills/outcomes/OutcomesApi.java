package org.marsad.skills.outcomes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.Countries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome figures: what the earlier portal could not show. Public (counts only), and exported as CSV and XLSX.
 */
@Service
public class OutcomesApi {

    static final List<String> STEPS = List.of("demands", "matches", "proposed", "contacted", "accepted", "completed", "evaluated");

    private final OutcomesRepository repository;
    private final OrganisationsApi organisations;
    private final MessageSource messages;
    private final Countries countries;

    OutcomesApi(OutcomesRepository repository, OrganisationsApi organisations, MessageSource messages, Countries countries) {
        this.repository = repository;
        this.organisations = organisations;
        this.messages = messages;
        this.countries = countries;
    }

    @Transactional(readOnly = true)
    public Outcomes outcomes() {
        long[] counts = repository.funnel();
        List<Outcomes.Step> funnel = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            // Matches and proposals are counted per expert, the first step per demand: no rate between them.
            Double rate = i <= 1 || counts[i - 1] == 0 ? null : Math.round(1000.0 * counts[i] / counts[i - 1]) / 10.0;
            funnel.add(new Outcomes.Step(STEPS.get(i), counts[i], rate));
        }
        Map<String, String> codes = new HashMap<>();
        List<Outcomes.Row> byInstitution = repository.byInstitution().stream()
                .map(r -> new Outcomes.Row(codes.computeIfAbsent(r.key(), this::organisationCode), r.demands(), r.matches(),
                        r.proposed(), r.contacted(), r.accepted(), r.completed(), r.evaluated()))
                .toList();
        return new Outcomes(repository.totals(), funnel, repository.byCountry(), repository.bySector(), byInstitution,
                repository.byRegion(), repository.expertsByCountry());
    }

    /** One CSV with every breakdown: dimension, key, label in the reader's language, and the counts. */
    @Transactional(readOnly = true)
    public String csv(Locale locale) {
        Csv csv = new Csv();
        for (List<?> row : rows(outcomes(), locale)) {
            csv.row(row);
        }
        return csv.toString();
    }

    @Transactional(readOnly = true)
    public byte[] xlsx(Locale locale) {
        Outcomes o = outcomes();
        List<List<?>> funnel = new ArrayList<>();
        funnel.add(List.of(msg("skills.outcomes.step", locale), msg("skills.outcomes.count", locale),
                msg("skills.outcomes.rate", locale)));
        for (Outcomes.Step s : o.funnel()) {
            List<Object> row = new ArrayList<>();
            row.add(msg("skills.outcomes.step." + s.step(), locale));
            row.add(s.count());
            row.add(s.percentOfPrevious());
            funnel.add(row);
        }
        return new Xlsx().sheet(msg("skills.outcomes.funnel", locale), funnel)
                .sheet(msg("skills.outcomes.breakdowns", locale), rows(o, locale)).bytes();
    }

    private List<List<?>> rows(Outcomes o, Locale locale) {
        List<List<?>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of(msg("skills.outcomes.dimension", locale), msg("skills.outcomes.key", locale),
                msg("skills.outcomes.label", locale)));
        STEPS.forEach(s -> header.add(msg("skills.outcomes.step." + s, locale)));
        rows.add(header);
        add(rows, "country", o.byCountry(), locale);
        add(rows, "sector", o.bySector(), locale);
        add(rows, "institution", o.byInstitution(), locale);
        add(rows, "region", o.byRegion(), locale);
        return rows;
    }

    private void add(List<List<?>> rows, String dimension, List<Outcomes.Row> data, Locale locale) {
        for (Outcomes.Row r : data) {
            rows.add(List.of(msg("skills.outcomes.by." + dimension, locale), r.key(), label(dimension, r.key(), locale),
                    r.demands(), r.matches(), r.proposed(), r.contacted(), r.accepted(), r.completed(), r.evaluated()));
        }
    }

    /** A dimension value in words: country name, sector, organisation name, region name. */
    public String label(String dimension, String key, Locale locale) {
        if (key == null || key.equals("—")) {
            return "—";
        }
        return switch (dimension) {
            case "country" -> countries.name(key, locale);
            case "sector" -> msg("skills.sector." + key, locale);
            case "region" -> msg("skills.region." + key, locale);
            case "institution" -> organisations.resolve(key).stream().findFirst().map(org -> org.name().get(locale)).orElse(key);
            default -> key;
        };
    }

    private String organisationCode(String id) {
        try {
            return organisations.find(Long.parseLong(id)).map(Organisation::code).orElse(id);
        }
        catch (NumberFormatException e) {
            return id;
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
