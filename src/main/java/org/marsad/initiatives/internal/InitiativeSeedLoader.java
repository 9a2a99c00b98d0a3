package org.marsad.initiatives.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.marsad.initiatives.InitiativeInput;
import org.marsad.initiatives.Participation;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.seed.SeedCitation;
import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.stereotype.Component;

/**
 * Loads the partner initiatives from {@code seed/initiatives}: the annex of the 2013 Mobility Partnership (its
 * state at 25 March 2013), the March 2015 scoreboard (a later dated update: status changes and new items) and
 * the SNIA partner projects of the 2017–2018 report. Each becomes a revision holding from the date its document
 * gives, so the history shows the annex evolving. Every record goes through the same checks as a person's input
 * (organisations and nodes must exist, citations must match their document, budgets must be valid); one bad
 * record stops the start-up and nothing is loaded.
 */
@Component
public class InitiativeSeedLoader implements SeedLoader {

    static final String FOLDER = "seed/initiatives/";
    static final String ANNEX = "annex-2013.yaml";
    static final String SCOREBOARD = "scoreboard-2015.yaml";
    static final String SNIA = "snia-projects.yaml";
    static final String ACTOR = "seed";

    private final SeedFiles seeds;
    private final InitiativeRepository repository;
    private final InitiativeWriter writer;
    private final InputChecks checks;

    InitiativeSeedLoader(SeedFiles seeds, InitiativeRepository repository, InitiativeWriter writer, InputChecks checks) {
        this.seeds = seeds;
        this.repository = repository;
        this.writer = writer;
        this.checks = checks;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void load() {
        byte[] annex = seeds.read(FOLDER + ANNEX);
        byte[] scoreboard = seeds.read(FOLDER + SCOREBOARD);
        byte[] snia = seeds.read(FOLDER + SNIA);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(annex);
        all.writeBytes(scoreboard);
        all.writeBytes(snia);
        seeds.loadIfChanged("initiatives", all.toByteArray(), bytes -> load(annex, scoreboard, snia));
    }

    /** Loads the three files in order, in the caller's transaction; returns the number of records written. */
    public int load(byte[] annex, byte[] scoreboard, byte[] snia) {
        int count = 0;
        Dated annexFile = seeds.readYaml(annex, Dated.class);
        for (SeedInitiative i : annexFile.initiatives()) {
            count += create(i, date(annexFile.asOf(), ANNEX));
        }
        Dated scoreboardFile = seeds.readYaml(scoreboard, Dated.class);
        PartialDate scoreboardDate = date(scoreboardFile.asOf(), SCOREBOARD);
        for (SeedUpdate u : scoreboardFile.updates() == null ? List.<SeedUpdate>of() : scoreboardFile.updates()) {
            count += update(u, scoreboardDate);
        }
        for (SeedInitiative i : scoreboardFile.initiatives() == null ? List.<SeedInitiative>of() : scoreboardFile.initiatives()) {
            count += create(i, scoreboardDate);
        }
        Dated sniaFile = seeds.readYaml(snia, Dated.class);
        for (SeedInitiative i : sniaFile.initiatives()) {
            count += create(i, date(sniaFile.asOf(), SNIA));
        }
        return count;
    }

    private int create(SeedInitiative seed, PartialDate asOf) {
        String where = "seed initiative " + seed.code();
        PartialDate validFrom = seed.asOf() == null ? asOf : date(seed.asOf(), where);
        InputChecks.Checked checked = check(seed, input(seed, validFrom), null, where);
        Optional<InitiativeRepository.InitiativeRow> existing = repository.findByCode(checked.code());
        if (existing.isPresent() && existing.get().edited()) {
            return 0;
        }
        State state = withSourceSpellings(checked.state(), seed);
        Map<String, InitiativeWriter.LinkNote> notes = notes(seed, state.sources());
        if (existing.isPresent()) {
            repository.deleteSeeded(existing.get().id());
            writer.firstState(existing.get().id(), ACTOR, state, validFrom, "SEED", null, checked.nodes(), notes);
        }
        else {
            String identifier = state.reportingOrganisation().ref() == null ? checked.code()
                    : state.reportingOrganisation().ref() + "-" + checked.code();
            if (repository.findByIdentifier(identifier).isPresent()) {
                throw new IllegalStateException(where + ": identifier " + identifier + " is already used");
            }
            writer.create(ACTOR, checked.code(), identifier, "SEED", state, validFrom, "SEED", null, checked.nodes(),
                    notes, false);
        }
        return 1;
    }

    private int update(SeedUpdate u, PartialDate asOf) {
        String where = "seed update of " + u.code() + " (" + SCOREBOARD + ")";
        InitiativeRepository.InitiativeRow row = repository.findByCode(u.code())
                .orElseThrow(() -> new IllegalStateException(where + ": no such initiative"));
        if (row.edited()) {
            return 0;
        }
        InitiativeRepository.RevisionRow current = repository.currentRevision(row.id()).orElseThrow();
        State before = current.state();
        List<SourceCitation> sources = new ArrayList<>(before.sources());
        sources.addAll(citations(u.sources()));
        InitiativeInput input = new InitiativeInput(null, before.reportingOrganisation().code(), before.title(),
                u.description() == null ? before.description() : u.description().toText(),
                u.status() == null ? String.valueOf(before.status().code()) : String.valueOf(u.status()),
                before.visibility().name(),
                before.participations().stream().map(p -> new InitiativeInput.ParticipationInput(p.organisation().code(),
                        String.valueOf(p.role().code()))).toList(),
                u.dates() == null ? dates(before) : u.dates().toInput(),
                before.budgets().stream().map(b -> new InitiativeInput.BudgetInput(b.type().name(),
                        Objects.toString(b.periodStart(), null), Objects.toString(b.periodEnd(), null),
                        b.amount().toPlainString(), b.currency())).toList(),
                List.of(), before.regions(), before.places(),
                before.targetGroups().stream().map(Enum::name).toList(),
                u.nodes() == null ? before.nodes() : u.nodes(), sources, asOf.value(),
                u.note() == null ? null : u.note().toText(), "superseded by the scoreboard of " + asOf, 0);
        InputChecks.Checked checked;
        try {
            checked = checks.check(input, before, current.validFrom(), LocalDate.now());
        }
        catch (InvalidInputException e) {
            throw new IllegalStateException(where + ": " + describe(e), e);
        }
        State after = new State(checked.state().title(), checked.state().description(), checked.state().status(),
                before.visibility(), before.reportingOrganisation(), before.secondaryReporter(), before.participations(),
                checked.state().dates(), before.budgets(), before.transactions(), before.regions(), before.places(),
                before.targetGroups(), checked.state().nodes(), checked.state().sources());
        writer.update(ACTOR, row, before, after, asOf, "SEED", checked.comment(), checked.nodes(),
                checked.linkRemovalReason(), Map.of());
        return 1;
    }

    private InputChecks.Checked check(SeedInitiative seed, InitiativeInput input, State before, String where) {
        try {
            return checks.check(input, before, null, LocalDate.now());
        }
        catch (InvalidInputException e) {
            throw new IllegalStateException(where + ": " + describe(e), e);
        }
    }

    private static String describe(InvalidInputException e) {
        return e.errors().stream().map(Object::toString).collect(Collectors.joining("; "));
    }

    /** What a person would have typed for this record: the same checks apply. */
    private InitiativeInput input(SeedInitiative s, PartialDate asOf) {
        List<SeedOrganisation> orgs = s.organisations() == null ? List.of() : s.organisations();
        String reporting = orgs.stream().filter(o -> o.role() != null && o.role() <= 3).findFirst()
                .or(() -> orgs.stream().findFirst()).map(SeedOrganisation::code).orElse(null);
        return new InitiativeInput(s.code(), reporting, SeedText.of(s.title()), SeedText.of(s.description()),
                s.status() == null ? null : String.valueOf(s.status()), s.visibility(),
                orgs.stream().map(o -> new InitiativeInput.ParticipationInput(o.code(),
                        o.role() == null ? null : String.valueOf(o.role()))).toList(),
                s.dates() == null ? null : s.dates().toInput(),
                s.budgets() == null ? List.of() : s.budgets().stream().map(b -> new InitiativeInput.BudgetInput(b.type(),
                        b.periodStart(), b.periodEnd(), b.amount(), b.currency())).toList(),
                s.transactions() == null ? List.of() : s.transactions().stream().map(t -> new InitiativeInput.TransactionInput(
                        t.type(), t.date(), t.amount(), t.currency(), SeedText.of(t.description()))).toList(),
                s.regions(), s.places(), s.targetGroups(), s.nodes(), citations(s.sources()), asOf.value(), null, null,
                null);
    }

    /** Keeps how the document spells each organisation ("OFII" for FR-OFII), for checking against the text. */
    private static State withSourceSpellings(State state, SeedInitiative seed) {
        Map<String, String> written = new HashMap<>();
        if (seed.organisations() != null) {
            seed.organisations().forEach(o -> {
                if (o.asWritten() != null) {
                    written.put(o.code() + ":" + o.role(), o.asWritten());
                }
            });
        }
        List<Participation> participations = state.participations().stream()
                .map(p -> new Participation(p.organisation(), p.role(),
                        written.get(p.organisation().code() + ":" + p.role().code())))
                .toList();
        return new State(state.title(), state.description(), state.status(), state.visibility(),
                state.reportingOrganisation(), true, participations, state.dates(), state.budgets(), state.transactions(),
                state.regions(), state.places(), state.targetGroups(), state.nodes(), state.sources());
    }

    /** Why a node is linked (when the seed says), with the initiative's own sources as the passage that shows it. */
    private static Map<String, InitiativeWriter.LinkNote> notes(SeedInitiative seed, List<SourceCitation> sources) {
        Map<String, InitiativeWriter.LinkNote> notes = new LinkedHashMap<>();
        if (seed.nodeRationale() != null) {
            seed.nodeRationale().forEach((node, text) -> notes.put(node, new InitiativeWriter.LinkNote(text.toText(), sources)));
        }
        if (seed.nodes() != null) {
            seed.nodes().forEach(node -> notes.putIfAbsent(node, new InitiativeWriter.LinkNote(null, sources)));
        }
        return notes;
    }

    private static InitiativeInput.DatesInput dates(State s) {
        return new InitiativeInput.DatesInput(text(s.dates().plannedStart()), text(s.dates().plannedEnd()),
                text(s.dates().actualStart()), text(s.dates().actualEnd()));
    }

    private static String text(PartialDate d) {
        return d == null ? null : d.value();
    }

    private static List<SourceCitation> citations(List<SeedCitation> sources) {
        return sources == null ? List.of() : sources.stream().map(SeedCitation::toCitation).toList();
    }

    private static PartialDate date(String value, String where) {
        try {
            PartialDate date = PartialDate.parse(value);
            if (date == null) {
                throw new IllegalArgumentException("missing");
            }
            return date;
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": asOf must be YYYY, YYYY-MM or YYYY-MM-DD, not " + value, e);
        }
    }

    /** A seed file: the date its state holds from (and how the document words it), and its records. */
    record Dated(String asOf, String asOfLabel, List<SeedUpdate> updates, List<SeedInitiative> initiatives) {
    }

    record SeedInitiative(String code, Integer part, List<String> nodes, Map<String, SeedText> nodeRationale,
            String partnerCode, List<SeedOrganisation> organisations, String implementerText, SeedText title,
            SeedText description, Integer status, String visibility, SeedDates dates, List<SeedBudget> budgets,
            List<SeedTransaction> transactions, List<String> targetGroups, List<String> regions, List<String> places,
            List<SeedCitation> sources, String asOf) {
    }

    record SeedOrganisation(String code, Integer role, String asWritten) {
    }

    record SeedDates(String plannedStart, String plannedEnd, String actualStart, String actualEnd) {

        InitiativeInput.DatesInput toInput() {
            return new InitiativeInput.DatesInput(plannedStart, plannedEnd, actualStart, actualEnd);
        }
    }

    record SeedBudget(String amount, String currency, String type, String periodStart, String periodEnd) {
    }

    record SeedTransaction(String type, String date, String amount, String currency, SeedText description) {
    }

    /** A later state of an existing initiative: a new status, dates, description or nodes, with the note that says so. */
    record SeedUpdate(String code, Integer status, SeedText note, SeedText description, SeedDates dates,
            List<String> nodes, List<SeedCitation> sources) {
    }
}
