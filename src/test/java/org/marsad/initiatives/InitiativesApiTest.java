package org.marsad.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationInput;
import org.marsad.organisations.OrganisationType;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marsad.initiatives.Acting.as;

@MarsadIntegrationTest
@RecordApplicationEvents
class InitiativesApiTest {

    @Autowired
    InitiativesApi initiatives;

    @Autowired
    TestUsers users;

    @Autowired
    OrganisationsApi organisations;

    @Autowired
    ApplicationEvents events;

    static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static InitiativeInput input(String code, String organisation) {
        return new InitiativeInput(code, organisation, LocalizedText.of("Formation des agents", null, "Training officials"),
                LocalizedText.french("Une description."), "1", "PUBLIC",
                List.of(new InitiativeInput.ParticipationInput(organisation, "4"),
                        new InitiativeInput.ParticipationInput("EU", "1")),
                new InitiativeInput.DatesInput("2024", "2026-06", null, null),
                List.of(new InitiativeInput.BudgetInput("ORIGINAL", "2024-01-01", "2024-12-31", "150000.50", "EUR")),
                List.of(), List.of("MA-02"), List.of("Oujda"), List.of("YOUTH"), List.of("MP2013.4", "GCM.7"), List.of(),
                "2024-02-01", null, null, null);
    }

    InitiativeInput change(Initiative i, String status, String asOf, String comment, List<String> nodes, String removal) {
        InitiativeInput base = initiatives.toInput(i);
        return new InitiativeInput(null, base.reportingOrganisation(), base.title(), base.description(), status,
                base.visibility(), base.participations(), base.dates(), base.budgets(), base.transactions(), base.regions(),
                base.places(), base.targetGroups(), nodes == null ? base.nodes() : nodes, base.sources(), asOf,
                comment == null ? null : LocalizedText.french(comment), removal, i.version());
    }

    @Test
    void aFocalPointRecordsAnInitiativeOfTheirOrganisationWithItsIatiIdentifier() {
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        String code = code();
        Initiative created = as(focal, () -> initiatives.create(input(code, "IOM")));
        assertThat(created.identifier()).isEqualTo("XM-DAC-47066-" + code);
        assertThat(created.participations()).extracting(p -> p.organisation().code() + ":" + p.role())
                .containsExactly("IOM:IMPLEMENTING", "EU:FUNDING");
        assertThat(created.asOf().value()).isEqualTo("2024-02-01");
        assertThat(created.budgetTotals()).containsEntry("EUR", new BigDecimal("150000.5"));
        assertThat(created.liveLinks()).extracting(NodeLink::nodeCode).containsExactlyInAnyOrder("MP2013.4", "GCM.7");
        assertThat(created.recordedBy()).isEqualTo(focal.username());
        assertThat(events.stream(InitiativeCreated.class)).anyMatch(e -> e.initiativeId() == created.id());
        assertThat(as(focal, () -> initiatives.canEdit(focal, created.ref()))).isTrue();
    }

    @Test
    void aFocalPointCannotCreateOrChangeAnotherOrganisationsInitiative() {
        MarsadPrincipal iom = users.create(Role.FOCAL_POINT, "IOM");
        MarsadPrincipal giz = users.create(Role.FOCAL_POINT, "DE-GIZ");
        assertThatThrownBy(() -> as(giz, () -> initiatives.create(input(code(), "IOM"))))
                .isInstanceOf(AccessDeniedException.class);
        Initiative theirs = as(iom, () -> initiatives.create(input(code(), "IOM")));
        assertThat(initiatives.canEdit(giz, theirs.ref())).isFalse();
        assertThatThrownBy(() -> as(giz, () -> initiatives.update(theirs.id(), change(theirs, "2", null, "started", null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(giz, () -> initiatives.changeStatus(theirs.id(),
                new StatusChange("2", null, LocalizedText.french("x"), theirs.version()))))
                .isInstanceOf(AccessDeniedException.class);
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR, "MA-MDCMREAM");
        assertThat(as(coordinator, () -> initiatives.changeStatus(theirs.id(),
                new StatusChange("2", null, LocalizedText.french("Lancé"), theirs.version()))).status())
                .isEqualTo(ActivityStatus.IMPLEMENTATION);
    }

    @Test
    void aFocalPointMustKeepTheirOrganisationInTheInitiative() {
        MarsadPrincipal iom = users.create(Role.FOCAL_POINT, "IOM");
        Initiative mine = as(iom, () -> initiatives.create(input(code(), "IOM")));
        InitiativeInput base = change(mine, "1", null, null, null, null);
        InitiativeInput withoutIom = new InitiativeInput(null, "EU", base.title(), base.description(), "1", "PUBLIC",
                List.of(new InitiativeInput.ParticipationInput("EU", "1")), base.dates(), base.budgets(), base.transactions(),
                base.regions(), base.places(), base.targetGroups(), base.nodes(), base.sources(), null, null, null,
                mine.version());
        assertThatThrownBy(() -> as(iom, () -> initiatives.update(mine.id(), withoutIom)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).contains("participations"));
    }

    @Test
    void badInputIsReportedFieldByField() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        InitiativeInput bad = new InitiativeInput("bad code!", "NOBODY", LocalizedText.of(null, null, null), null, "9", "SECRET",
                List.of(new InitiativeInput.ParticipationInput("NOBODY", "7")),
                new InitiativeInput.DatesInput("2025", "2024", "2999-01-01", "soon"),
                List.of(new InitiativeInput.BudgetInput("ORIGINAL", "2024-01-01", "2025-06-30", "-5", "EURO"),
                        new InitiativeInput.BudgetInput("ESTIMATE", "2024-12-31", "2024-01-01", "abc", "XXX")),
                List.of(new InitiativeInput.TransactionInput("GIFT", "2999-01-01", "10", "MAD", null)),
                List.of("MA-13"), List.of(), List.of("PIRATES"), List.of("MP2013.99"),
                List.of(new org.marsad.platform.SourceCitation("000_730cb28217dd8238.txt", "x", 1, 2, "not in the text")),
                "2999-01-01", null, null, null);
        assertThatThrownBy(() -> as(coordinator, () -> initiatives.create(bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field() + "=" + err.messageKey())
                        .contains("code=initiatives.validation.code", "title=validation.required", "status=validation.unknown",
                                "visibility=validation.unknown",
                                "participations[0].organisation=initiatives.validation.unknownOrganisation",
                                "participations[0].role=validation.unknown",
                                "reportingOrganisation=initiatives.validation.unknownOrganisation",
                                "dates.plannedEnd=initiatives.validation.endBeforeStart",
                                "dates.actualStart=initiatives.validation.future", "dates.actualEnd=validation.partialDate",
                                "budgets[0].periodEnd=initiatives.validation.budgetPeriod",
                                "budgets[0].amount=initiatives.validation.negative",
                                "budgets[0].currency=initiatives.validation.currency",
                                "budgets[1].type=validation.unknown",
                                "budgets[1].periodEnd=initiatives.validation.endBeforeStart",
                                "budgets[1].amount=initiatives.validation.amount",
                                "budgets[1].currency=initiatives.validation.currency",
                                "transactions[0].type=validation.unknown", "transactions[0].date=initiatives.validation.future",
                                "regions[0]=validation.unknown", "targetGroups[0]=validation.unknown",
                                "nodes[0]=initiatives.validation.unknownNode", "sources[0]=initiatives.validation.citation",
                                "asOf=initiatives.validation.future"));
    }

    @Test
    void aTotalStatedWithoutAPeriodIsABudgetButAHalfPeriodIsNot() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        InitiativeInput base = input(code(), "IOM");
        InitiativeInput total = withBudgets(base, List.of(new InitiativeInput.BudgetInput("ORIGINAL", null, null, "7000000", "EUR")));
        assertThat(as(coordinator, () -> initiatives.create(total)).budgets()).singleElement().satisfies(b -> assertThat(b.stated()).isTrue());
        InitiativeInput half = withBudgets(input(code(), "IOM"),
                List.of(new InitiativeInput.BudgetInput("ORIGINAL", "2024-01-01", null, "1", "EUR")));
        assertThatThrownBy(() -> as(coordinator, () -> initiatives.create(half)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("budgets[0].periodEnd"));
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = code();
        as(coordinator, () -> initiatives.create(input(code, "IOM")));
        assertThatThrownBy(() -> as(coordinator, () -> initiatives.create(input(code, "IOM"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aStatusChangeNeedsADatedCommentAndShowsInTheHistory() {
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        Initiative created = as(focal, () -> initiatives.create(input(code(), "IOM")));
        assertThatThrownBy(() -> as(focal, () -> initiatives.update(created.id(), change(created, "2", "2024-06-01", null, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("comment"));
        assertThatThrownBy(() -> as(focal, () -> initiatives.changeStatus(created.id(),
                new StatusChange("2", "2024-01-01", LocalizedText.french("Démarré"), created.version()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::messageKey).contains("initiatives.validation.beforeCurrent"));
        Initiative started = as(focal, () -> initiatives.changeStatus(created.id(),
                new StatusChange("IMPLEMENTATION", "2024-06-01", LocalizedText.french("Premier atelier tenu à Oujda"), created.version())));
        assertThat(started.status()).isEqualTo(ActivityStatus.IMPLEMENTATION);
        assertThat(started.asOf().value()).isEqualTo("2024-06-01");

        List<HistoryEntry> history = as(focal, () -> initiatives.history(created.id()));
        assertThat(history).hasSize(2);
        HistoryEntry latest = history.getFirst();
        assertThat(latest.kind()).isEqualTo("STATUS");
        assertThat(latest.recordedBy()).isEqualTo(focal.username());
        assertThat(latest.recordedAt()).isNotNull();
        assertThat(latest.comment().fr()).isEqualTo("Premier atelier tenu à Oujda");
        assertThat(latest.changes()).containsExactly(new HistoryEntry.FieldChange("status", "PIPELINE", "IMPLEMENTATION"));
        assertThat(events.stream(InitiativeStatusChanged.class)).anyMatch(e -> e.initiativeId() == created.id()
                && e.from() == ActivityStatus.PIPELINE && e.to() == ActivityStatus.IMPLEMENTATION
                && e.asOf().equals(LocalDate.of(2024, 6, 1)));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        Initiative created = as(coordinator, () -> initiatives.create(input(code(), "IOM")));
        as(coordinator, () -> initiatives.changeStatus(created.id(), new StatusChange("2", null, LocalizedText.french("ok"), created.version())));
        assertThatThrownBy(() -> as(coordinator, () -> initiatives.changeStatus(created.id(),
                new StatusChange("5", null, LocalizedText.french("annulé"), created.version()))))
                .isInstanceOf(ConflictException.class);
        assertThat(as(coordinator, () -> initiatives.get(created.id())).status()).isEqualTo(ActivityStatus.IMPLEMENTATION);
    }

    @Test
    void anInitiativeAsOfADateShowsItsStateAndLinksOfThatDay() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        Initiative created = as(coordinator, () -> initiatives.create(input(code(), "IOM")));
        Initiative moved = as(coordinator, () -> initiatives.update(created.id(),
                change(created, "2", "2024-09-01", "Relié désormais au point 5 seulement", List.of("MP2013.5"), "Recentré sur l’emploi")));
        assertThat(moved.liveLinks()).extracting(NodeLink::nodeCode).containsExactly("MP2013.5");
        assertThat(moved.removedLinks()).extracting(NodeLink::nodeCode).contains("MP2013.4", "GCM.7");
        assertThat(moved.removedLinks()).allSatisfy(l -> {
            assertThat(l.removalReason()).isEqualTo("Recentré sur l’emploi");
            assertThat(l.removedBy()).isEqualTo(coordinator.username());
            assertThat(l.validTo().value()).isEqualTo("2024-09-01");
        });

        Initiative august = initiatives.get(created.id(), LocalDate.of(2024, 8, 31));
        assertThat(august.status()).isEqualTo(ActivityStatus.PIPELINE);
        assertThat(august.liveLinks()).extracting(NodeLink::nodeCode).containsExactlyInAnyOrder("MP2013.4", "GCM.7");
        Initiative september = initiatives.get(created.id(), LocalDate.of(2024, 9, 1));
        assertThat(september.status()).isEqualTo(ActivityStatus.IMPLEMENTATION);
        assertThat(september.liveLinks()).extracting(NodeLink::nodeCode).containsExactly("MP2013.5");
        assertThatThrownBy(() -> initiatives.get(created.id(), LocalDate.of(2024, 1, 31))).isInstanceOf(NotFoundException.class);

        InitiativeFilter onPoint4InAugust = new InitiativeFilter(null, "MP2013.4", null, null, null, null, null, created.code(), "2024-08-31");
        assertThat(initiatives.search(onPoint4InAugust, null, PageQuery.of(0, 10, 10)).total()).isEqualTo(1);
        InitiativeFilter onPoint4Now = new InitiativeFilter(null, "MP2013.4", null, null, null, null, null, created.code(), null);
        assertThat(initiatives.search(onPoint4Now, null, PageQuery.of(0, 10, 10)).total()).isZero();
    }

    @Test
    void removingALinkNeedsAReason() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        Initiative created = as(coordinator, () -> initiatives.create(input(code(), "IOM")));
        assertThatThrownBy(() -> as(coordinator, () -> initiatives.update(created.id(),
                change(created, "1", null, null, List.of("MP2013.4"), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("linkRemovalReason"));
    }

    @Test
    void internalInitiativesAreVisibleOnlyToCoordinatorsAndTheOrganisationsInvolved() {
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        InitiativeInput base = input(code(), "IOM");
        InitiativeInput internal = new InitiativeInput(base.code(), base.reportingOrganisation(), base.title(), base.description(),
                base.status(), "INTERNAL", base.participations(), base.dates(), base.budgets(), base.transactions(),
                base.regions(), base.places(), base.targetGroups(), base.nodes(), base.sources(), base.asOf(), null, null, null);
        Initiative created = as(focal, () -> initiatives.create(internal));
        InitiativeFilter byCode = new InitiativeFilter(null, null, null, null, null, null, null, created.code(), null);

        assertThatThrownBy(() -> initiatives.get(created.id())).isInstanceOf(NotFoundException.class);
        assertThat(initiatives.search(byCode, null, PageQuery.of(0, 10, 10)).total()).isZero();
        MarsadPrincipal otherMember = users.create(Role.DATA_STEWARD, "MA-HCP");
        assertThatThrownBy(() -> as(otherMember, () -> initiatives.get(created.id()))).isInstanceOf(NotFoundException.class);
        MarsadPrincipal sameOrganisation = users.create(Role.EXPERT, "IOM");
        assertThat(as(sameOrganisation, () -> initiatives.get(created.id())).visibility()).isEqualTo(Visibility.INTERNAL);
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        assertThat(as(coordinator, () -> initiatives.search(byCode, null, PageQuery.of(0, 10, 10)).total())).isEqualTo(1);
        assertThat(initiatives.findByIdentifier(created.code())).isPresent();
        assertThat(initiatives.canView(null, initiatives.findByIdentifier(created.code()).orElseThrow())).isFalse();
    }

    @Test
    void anInitiativeNamesItsOrganisationsAsTheRegistryDoesTodayAndItsPointsByTheirTitles() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String orgCode = "T-ORG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Organisation org = as(coordinator, () -> organisations.create(new OrganisationInput(orgCode, OrganisationType.NGO, "MA",
                null, LocalizedText.french("Association d'accueil"), null, null, null, null, List.of(), null)));
        Initiative created = as(coordinator, () -> initiatives.create(input(code(), orgCode)));
        as(coordinator, () -> organisations.update(orgCode, new OrganisationInput(orgCode, OrganisationType.NGO, "MA", null,
                LocalizedText.french("Association d'accueil et d'orientation"), null, null, null, null, List.of(),
                org.version())));

        Initiative read = initiatives.get(created.id());
        assertThat(read.participations()).extracting(p -> p.organisation().name().fr())
                .contains("Association d'accueil et d'orientation");
        assertThat(read.reportingOrganisation().name().fr()).isEqualTo("Association d'accueil et d'orientation");
        assertThat(read.links()).extracting(NodeLink::nodeCode).containsExactlyInAnyOrder("MP2013.4", "GCM.7");
        assertThat(read.links()).allSatisfy(link -> assertThat(link.nodeTitle().fr()).isNotBlank());
    }

    @Test
    void otherModulesFindInitiativesByIdentifierOrCode() {
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        Initiative created = as(focal, () -> initiatives.create(input(code(), "IOM")));
        assertThat(initiatives.findByIdentifier(created.identifier())).map(InitiativeRef::id).contains(created.id());
        assertThat(initiatives.findByIdentifier(created.code())).map(InitiativeRef::id).contains(created.id());
        assertThat(initiatives.findByIdentifier("XM-NOT-AN-INITIATIVE")).isEmpty();
    }

    @Test
    void partnersAreFoundByAliasAndRole() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        Initiative created = as(coordinator, () -> initiatives.create(input(code(), "IOM")));
        assertThat(initiatives.search(new InitiativeFilter(null, null, "OIM", "4", null, null, null, created.code(), null),
                null, PageQuery.of(0, 10, 10)).total()).isEqualTo(1);
        assertThat(initiatives.search(new InitiativeFilter(null, null, "OIM", "FUNDING", null, null, null, created.code(), null),
                null, PageQuery.of(0, 10, 10)).total()).isZero();
        assertThat(initiatives.search(new InitiativeFilter(null, null, "UE", "1", null, "MA-02", "YOUTH", created.code(), null),
                null, PageQuery.of(0, 10, 10)).total()).isEqualTo(1);
        assertThatThrownBy(() -> initiatives.search(new InitiativeFilter(null, null, "NOBODY", "9", "x", "MA-77", "Y", null, "2024-13-01"),
                null, PageQuery.of(0, 10, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .contains("partner", "role", "status", "region", "targetGroup", "asOf"));
    }

    @Test
    void theTextFilterFindsAnInitiativeByWordsByItsCodeInAnyCaseAndByItsIatiIdentifier() {
        for (String q : List.of("snia-prj-002", "XM-DAC-918-SNIA-PRJ-002")) {
            assertThat(initiatives.search(new InitiativeFilter(null, null, null, null, null, null, null, q, null), null,
                    PageQuery.of(0, 10, 10)).items()).extracting(InitiativeSummary::code).containsExactly("SNIA-PRJ-002");
        }
        assertThat(initiatives.search(new InitiativeFilter(null, null, null, null, null, null, null, "Expertise France", null),
                null, PageQuery.of(0, 50, 50)).items()).extracting(InitiativeSummary::code).contains("SNIA-PRJ-002");
    }

    private static InitiativeInput withBudgets(InitiativeInput b, List<InitiativeInput.BudgetInput> budgets) {
        return new InitiativeInput(b.code(), b.reportingOrganisation(), b.title(), b.description(), b.status(), b.visibility(),
                b.participations(), b.dates(), budgets, b.transactions(), b.regions(), b.places(), b.targetGroups(),
                b.nodes(), b.sources(), b.asOf(), null, null, null);
    }
}
