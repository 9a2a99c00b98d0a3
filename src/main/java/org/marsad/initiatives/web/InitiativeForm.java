package org.marsad.initiatives.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.marsad.initiatives.Initiative;
import org.marsad.initiatives.InitiativeInput;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;

/**
 * The initiative form. Repeated rows (organisations, budgets, transactions) come as parallel lists, one value per
 * row, blank rows ignored; the page always shows blank rows to add to, so no script is needed.
 */
record InitiativeForm(String code, String reportingOrganisation, String titleFr, String titleEn, String titleAr,
        String descriptionFr, String descriptionEn, String descriptionAr, String status, String visibility,
        List<String> orgCode, List<String> orgRole, String plannedStart, String plannedEnd, String actualStart,
        String actualEnd, List<String> budgetType, List<String> budgetStart, List<String> budgetEnd,
        List<String> budgetAmount, List<String> budgetCurrency, List<String> txType, List<String> txDate,
        List<String> txAmount, List<String> txCurrency, List<String> regions, String places, List<String> targetGroups,
        List<String> nodes, String asOf, String comment, String linkRemovalReason, Integer version) {

    static final int BLANK_ROWS = 2;

    InitiativeForm {
        orgCode = list(orgCode);
        orgRole = list(orgRole);
        budgetType = list(budgetType);
        budgetStart = list(budgetStart);
        budgetEnd = list(budgetEnd);
        budgetAmount = list(budgetAmount);
        budgetCurrency = list(budgetCurrency);
        txType = list(txType);
        txDate = list(txDate);
        txAmount = list(txAmount);
        txCurrency = list(txCurrency);
        regions = list(regions);
        targetGroups = list(targetGroups);
        nodes = list(nodes);
    }

    static InitiativeForm empty(String organisationCode) {
        return new InitiativeForm("", organisationCode, "", "", "", "", "", "", "1", "PUBLIC",
                organisationCode == null ? List.of() : List.of(organisationCode), organisationCode == null ? List.of() : List.of("3"),
                "", "", "", "", null, null, null, null, null, null, null, null, null, null, "", null, null, "", "", "",
                null);
    }

    static InitiativeForm of(Initiative i) {
        List<String> orgCodes = new ArrayList<>();
        List<String> orgRoles = new ArrayList<>();
        i.participations().forEach(p -> {
            orgCodes.add(p.organisation().label());
            orgRoles.add(String.valueOf(p.role().code()));
        });
        List<String> bt = new ArrayList<>();
        List<String> bs = new ArrayList<>();
        List<String> be = new ArrayList<>();
        List<String> ba = new ArrayList<>();
        List<String> bc = new ArrayList<>();
        i.budgets().forEach(b -> {
            bt.add(b.type().name());
            bs.add(Objects.toString(b.periodStart(), ""));
            be.add(Objects.toString(b.periodEnd(), ""));
            ba.add(b.amount().toPlainString());
            bc.add(b.currency());
        });
        List<String> tt = new ArrayList<>();
        List<String> td = new ArrayList<>();
        List<String> ta = new ArrayList<>();
        List<String> tc = new ArrayList<>();
        i.transactions().forEach(t -> {
            tt.add(t.type().name());
            td.add(t.date().toString());
            ta.add(t.amount().toPlainString());
            tc.add(t.currency());
        });
        return new InitiativeForm(i.code(), i.reportingOrganisation() == null ? "" : i.reportingOrganisation().label(),
                nz(i.title().fr()), nz(i.title().en()), nz(i.title().ar()), nz(i.description().fr()),
                nz(i.description().en()), nz(i.description().ar()), String.valueOf(i.status().code()),
                i.visibility().name(), orgCodes, orgRoles, date(i.dates().plannedStart()), date(i.dates().plannedEnd()),
                date(i.dates().actualStart()), date(i.dates().actualEnd()), bt, bs, be, ba, bc, tt, td, ta, tc,
                i.regions(), String.join("\n", i.places()), i.targetGroups().stream().map(Enum::name).toList(),
                i.liveLinks().stream().map(l -> l.nodeCode()).toList(), "", "", "", i.version());
    }

    /** The rows to show: the filled ones and some blank ones to add to (at least two, so values are never split). */
    public int orgRows() {
        return orgCode.size() + BLANK_ROWS;
    }

    public int budgetRows() {
        return budgetAmount.size() + BLANK_ROWS;
    }

    public int txRows() {
        return txAmount.size() + BLANK_ROWS;
    }

    public String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    InitiativeInput toInput(List<SourceCitation> sources, String language) {
        List<InitiativeInput.ParticipationInput> participations = new ArrayList<>();
        for (int i = 0; i < Math.max(orgCode.size(), orgRole.size()); i++) {
            String org = at(orgCode, i).strip();
            if (!org.isEmpty()) {
                participations.add(new InitiativeInput.ParticipationInput(org, at(orgRole, i)));
            }
        }
        List<InitiativeInput.BudgetInput> budgets = new ArrayList<>();
        for (int i = 0; i < budgetAmount.size(); i++) {
            if (!at(budgetAmount, i).isBlank() || !at(budgetStart, i).isBlank() || !at(budgetEnd, i).isBlank()) {
                budgets.add(new InitiativeInput.BudgetInput(at(budgetType, i), at(budgetStart, i), at(budgetEnd, i),
                        at(budgetAmount, i), at(budgetCurrency, i).strip().toUpperCase(Locale.ROOT)));
            }
        }
        List<InitiativeInput.TransactionInput> transactions = new ArrayList<>();
        for (int i = 0; i < txAmount.size(); i++) {
            if (!at(txAmount, i).isBlank() || !at(txDate, i).isBlank()) {
                transactions.add(new InitiativeInput.TransactionInput(at(txType, i), at(txDate, i), at(txAmount, i),
                        at(txCurrency, i).strip().toUpperCase(Locale.ROOT), null));
            }
        }
        List<String> placeList = places == null ? List.of()
                : places.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        LocalizedText commentText = comment == null || comment.isBlank() ? null : switch (language) {
            case "ar" -> LocalizedText.of(null, comment, null);
            case "en" -> LocalizedText.of(null, null, comment);
            default -> LocalizedText.french(comment);
        };
        return new InitiativeInput(code, reportingOrganisation, LocalizedText.of(titleFr, titleAr, titleEn),
                LocalizedText.of(descriptionFr, descriptionAr, descriptionEn), status, visibility, participations,
                new InitiativeInput.DatesInput(plannedStart, plannedEnd, actualStart, actualEnd), budgets, transactions,
                regions, placeList, targetGroups, nodes, sources, asOf, commentText, linkRemovalReason, version);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String date(PartialDate d) {
        return d == null ? "" : d.value();
    }
}
