package org.marsad.frameworks.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.Framework;
import org.marsad.frameworks.FrameworkKind;
import org.marsad.frameworks.FrameworkStatus;
import org.marsad.frameworks.LinkBasis;
import org.marsad.frameworks.LinkRelation;
import org.marsad.frameworks.NodeKind;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.seed.SeedCitation;
import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.stereotype.Component;

/**
 * Loads the frameworks (Mobility Partnership, Global Compact, SNIA, legal instruments) and the crosswalk from
 * {@code seed/frameworks}. Every citation must point at its passage and every party must be a registered
 * organisation, or the application does not start.
 */
@Component
class FrameworkSeedLoader implements SeedLoader {

    static final String FOLDER = "seed/frameworks/";
    static final List<String> FRAMEWORK_FILES = List.of("mp2013.yaml", "gcm.yaml", "snia.yaml");

    private final SeedFiles seeds;
    private final FrameworkRepository frameworks;
    private final CrosswalkRepository crosswalk;
    private final DocumentsApi documents;
    private final OrganisationsApi organisations;

    FrameworkSeedLoader(SeedFiles seeds, FrameworkRepository frameworks, CrosswalkRepository crosswalk,
            DocumentsApi documents, OrganisationsApi organisations) {
        this.seeds = seeds;
        this.frameworks = frameworks;
        this.crosswalk = crosswalk;
        this.documents = documents;
        this.organisations = organisations;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String file : FRAMEWORK_FILES) {
            all.writeBytes(seeds.read(FOLDER + file));
        }
        all.writeBytes(seeds.read(FOLDER + "instruments.yaml"));
        seeds.loadIfChanged("frameworks", all.toByteArray(), bytes -> {
            int count = 0;
            for (String file : FRAMEWORK_FILES) {
                count += loadFramework(seeds.readYaml(FOLDER + file, SeedFramework.class));
            }
            for (SeedFramework instrument : seeds.readYaml(FOLDER + "instruments.yaml", Instruments.class).instruments()) {
                count += loadFramework(instrument);
            }
            return count;
        });
        seeds.loadIfChanged("crosswalk", seeds.read(FOLDER + "crosswalk.yaml"), bytes -> {
            int count = 0;
            for (SeedLink link : seeds.readYaml(FOLDER + "crosswalk.yaml", Crosswalk.class).links()) {
                count += loadLink(link);
            }
            return count;
        });
    }

    private int loadFramework(SeedFramework f) {
        String where = "framework " + f.code();
        List<String> parties = new ArrayList<>();
        for (String party : f.parties() == null ? List.<String>of() : f.parties()) {
            parties.add(partyCode(party, where));
        }
        SeedDates d = f.dates() == null ? new SeedDates(null, null, null, null) : f.dates();
        long id = frameworks.upsertFramework(new FrameworkRepository.FrameworkRow(f.code(), f.kind(),
                SeedText.of(f.title()), SeedText.of(f.shortTitle()), SeedText.of(f.description()), f.binding(),
                f.status(), f.statusReportedOn(), new Framework.Dates(d.adopted(), d.signed(), d.ratified(), d.inForce()),
                parties, f.reference(), f.complete() == null || f.complete(),
                gaps(f.complete(), f.gaps(), where), citations(f.sources(), where)));
        int[] position = {0};
        int count = 1 + loadNodes(id, null, 0, f.nodes(), position);
        List<FrameworkRepository.ReportRow> reports = new ArrayList<>();
        for (SeedReport r : f.reports() == null ? List.<SeedReport>of() : f.reports()) {
            if (frameworks.node(r.node()).isEmpty()) {
                throw new IllegalStateException(where + ": report on unknown node " + r.node());
            }
            reports.add(new FrameworkRepository.ReportRow(r.node(), r.reporter(), r.reportedOn(), SeedText.of(r.text()),
                    SeedText.of(r.summary()), citations(r.sources(), where + " report " + r.node())));
        }
        frameworks.replaceReports(id, reports);
        return count + reports.size();
    }

    private int loadNodes(long frameworkId, Long parentId, int depth, List<SeedNode> nodes, int[] position) {
        int count = 0;
        for (SeedNode n : nodes == null ? List.<SeedNode>of() : nodes) {
            String where = "node " + n.code();
            long id = frameworks.upsertNode(frameworkId, parentId, new FrameworkRepository.NodeRow(n.code(), n.kind(),
                    n.number(), position[0]++, depth, SeedText.of(n.title()), SeedText.of(n.text()),
                    n.complete() == null || n.complete(), gaps(n.complete(), n.gaps(), where), citations(n.sources(), where)));
            count += 1 + loadNodes(frameworkId, id, depth + 1, n.children(), position);
        }
        return count;
    }

    private int loadLink(SeedLink link) {
        String where = "crosswalk link " + link.from() + " → " + link.to();
        long from = frameworks.node(link.from()).orElseThrow(() -> new IllegalStateException(where + ": unknown node " + link.from())).id();
        long to = frameworks.node(link.to()).orElseThrow(() -> new IllegalStateException(where + ": unknown node " + link.to())).id();
        List<SourceCitation> sources = citations(link.sources(), where);
        if (link.basis() == LinkBasis.STATED && sources.isEmpty()) {
            throw new IllegalStateException(where + ": a STATED link must cite the statement");
        }
        if (crosswalk.livePairExists(from, to) || crosswalk.removedSeedPairExists(from, to)) {
            return 0;
        }
        crosswalk.insert(from, to, link.relation(), link.basis(), SeedText.of(link.rationale()), sources, true, "seed");
        return 1;
    }

    /** A party as the registry knows it: its code, or an alias that names exactly one organisation (ANAPEC → MA-ANAPEC). */
    private String partyCode(String party, String where) {
        var matches = organisations.resolve(party);
        return matches.stream().filter(o -> o.code().equals(party)).findFirst()
                .or(() -> matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty())
                .map(o -> o.code())
                .orElseThrow(() -> new IllegalStateException(where + ": party " + party
                        + (matches.isEmpty() ? " is not a registered organisation" : " is ambiguous: " + matches.stream().map(o -> o.code()).toList())));
    }

    private static LocalizedText gaps(Boolean complete, SeedText gaps, String where) {
        if (Boolean.FALSE.equals(complete) && (gaps == null || gaps.fr() == null)) {
            throw new IllegalStateException(where + " is marked incomplete but does not say what is missing (gaps)");
        }
        return gaps == null ? null : gaps.toText();
    }

    private List<SourceCitation> citations(List<SeedCitation> sources, String where) {
        List<SourceCitation> list = new ArrayList<>();
        for (SeedCitation c : sources == null ? List.<SeedCitation>of() : sources) {
            SourceCitation citation = c.toCitation();
            try {
                documents.verify(citation);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
            list.add(citation);
        }
        return list;
    }

    record Instruments(List<SeedFramework> instruments) {
    }

    record SeedFramework(String code, FrameworkKind kind, SeedText title, SeedText shortTitle, SeedText description,
            String binding, FrameworkStatus status, PartialDate statusReportedOn, SeedDates dates, List<String> parties,
            String reference, Boolean complete, SeedText gaps, List<SeedCitation> sources, List<SeedNode> nodes,
            List<SeedReport> reports) {
    }

    record SeedDates(PartialDate adopted, PartialDate signed, PartialDate ratified, PartialDate inForce) {
    }

    record SeedNode(String code, NodeKind kind, String number, SeedText title, SeedText text, Boolean complete,
            SeedText gaps, List<SeedCitation> sources, List<SeedNode> children) {
    }

    record SeedReport(String node, String reporter, LocalDate reportedOn, SeedText text, SeedText summary,
            List<SeedCitation> sources) {
    }

    record Crosswalk(List<SeedLink> links) {
    }

    record SeedLink(String from, String to, LinkRelation relation, LinkBasis basis, SeedText rationale,
            List<SeedCitation> sources) {
    }
}
