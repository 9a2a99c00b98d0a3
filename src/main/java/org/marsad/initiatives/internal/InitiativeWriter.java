package org.marsad.initiatives.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marsad.frameworks.FrameworkNode;
import org.marsad.initiatives.HistoryEntry.FieldChange;
import org.marsad.initiatives.InitiativeCreated;
import org.marsad.initiatives.InitiativeStatusChanged;
import org.marsad.initiatives.InitiativeUpdated;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records new states of initiatives for the API, the seed loader and the IATI import alike: a revision with what
 * changed, the links to framework nodes opened or closed from the same date, the audit entry, the change stamp
 * and the events other modules listen to. Callers have checked rights and input; this runs in their transaction.
 */
@Component
public class InitiativeWriter {

    private final InitiativeRepository repository;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    InitiativeWriter(InitiativeRepository repository, AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    /** Extra facts about a link the seed knows: why it exists and where the document says so. */
    public record LinkNote(LocalizedText rationale, List<SourceCitation> sources) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long create(String actor, String code, String identifier, String origin, State state, PartialDate asOf,
            String kind, LocalizedText comment, Map<String, FrameworkNode> nodes, Map<String, LinkNote> notes,
            boolean audited) {
        long id = repository.insertInitiative(code, identifier, origin, actor, !"SEED".equals(origin));
        firstState(id, actor, state, asOf, kind, comment, nodes, notes);
        if (audited) {
            audit.record("CREATE", "initiative", identifier, "initiative " + code + " recorded as of " + asOf, null,
                    Map.of("code", code, "identifier", identifier, "asOf", asOf.value(), "state", state),
                    state.visibility() == org.marsad.initiatives.Visibility.PUBLIC);
        }
        events.publishEvent(new InitiativeCreated(id, identifier, Set.of(state.organisationIds()), asOf.earliest()));
        return id;
    }

    /** The first state of an initiative (new, or seeded again) and its links, from {@code asOf}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void firstState(long id, String actor, State state, PartialDate asOf, String kind, LocalizedText comment,
            Map<String, FrameworkNode> nodes, Map<String, LinkNote> notes) {
        repository.insertRevision(id, asOf, actor, kind, comment, state, Changes.between(null, state));
        for (FrameworkNode node : nodes.values()) {
            LinkNote note = notes.get(node.code());
            repository.insertLink(id, node.id(), node.code(), node.frameworkCode(), asOf,
                    note == null ? null : note.rationale(), note == null ? List.of() : note.sources(), actor);
        }
        repository.bumpStamp();
    }

    /**
     * Records {@code after} as the state from {@code asOf}: a new revision if anything changed, links opened and
     * closed to match its nodes. Returns the changes (empty when nothing changed: nothing is recorded).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<FieldChange> update(String actor, InitiativeRepository.InitiativeRow row, State before, State after,
            PartialDate asOf, String kind, LocalizedText comment, Map<String, FrameworkNode> nodes, String removalReason,
            Map<String, LinkNote> notes) {
        List<FieldChange> changes = Changes.between(before, after);
        if (changes.isEmpty() && (comment == null || comment.isEmpty())) {
            return changes;
        }
        repository.insertRevision(row.id(), asOf, actor, kind, comment, after, changes);
        Map<String, InitiativeRepository.LinkRow> live = new HashMap<>();
        repository.links(row.id()).stream().filter(InitiativeRepository.LinkRow::live).forEach(l -> live.put(l.nodeCode(), l));
        for (FrameworkNode node : nodes.values()) {
            if (!live.containsKey(node.code())) {
                LinkNote note = notes.get(node.code());
                repository.insertLink(row.id(), node.id(), node.code(), node.frameworkCode(), asOf,
                        note == null ? null : note.rationale(), note == null ? List.of() : note.sources(), actor);
            }
        }
        for (InitiativeRepository.LinkRow link : live.values()) {
            if (!nodes.containsKey(link.nodeCode())) {
                repository.removeLink(link.id(), asOf, actor, removalReason == null ? "—" : removalReason);
            }
        }
        repository.bumpStamp();
        audit.record("UPDATE", "initiative", row.identifier(), summary(changes, asOf), Map.of("state", before),
                Map.of("asOf", asOf.value(), "state", after),
                after.visibility() == org.marsad.initiatives.Visibility.PUBLIC);
        Set<Long> organisations = new LinkedHashSet<>(List.of(after.organisationIds()));
        events.publishEvent(new InitiativeUpdated(row.id(), row.identifier(), organisations, Changes.fields(changes),
                asOf.earliest()));
        if (before.status() != after.status()) {
            events.publishEvent(new InitiativeStatusChanged(row.id(), row.identifier(), before.status(), after.status(),
                    asOf.earliest(), comment));
        }
        return changes;
    }

    private static String summary(List<FieldChange> changes, PartialDate asOf) {
        List<String> fields = new ArrayList<>(Changes.fields(changes));
        return (fields.isEmpty() ? "comment" : String.join(", ", fields)) + " as of " + asOf;
    }
}
