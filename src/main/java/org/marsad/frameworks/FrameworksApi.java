package org.marsad.frameworks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.internal.CrosswalkRepository;
import org.marsad.frameworks.internal.FrameworkRepository;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;

/**
 * The frameworks module's public API: frameworks and their node trees, nodes with their sources, reports and
 * links, search, and the crosswalk. Anyone reads; COORDINATOR (and ADMIN) add and remove links, record a new
 * status of an instrument, and translate node titles. Every write is audited.
 */
@Service
@Transactional(readOnly = true)
public class FrameworksApi {

    static final int MAX_RATIONALE = 2000;

    private final FrameworkRepository frameworks;
    private final CrosswalkRepository crosswalk;
    private final DocumentsApi documents;
    private final AuditLog audit;

    FrameworksApi(FrameworkRepository frameworks, CrosswalkRepository crosswalk, DocumentsApi documents, AuditLog audit) {
        this.frameworks = frameworks;
        this.crosswalk = crosswalk;
        this.documents = documents;
        this.audit = audit;
    }

    /**
     * Frameworks and their nodes are read by nearly every page and change rarely (a status, a translated title): they
     * are kept for a few seconds, and forgotten as soon as a change made through this API ends.
     */
    static final Duration REFERENCE_MAX_AGE = Duration.ofSeconds(10);

    private volatile Reference reference;

    /** Frameworks as read at {@code readAt}; the nodes of those asked for since, by framework and by code. */
    private record Reference(long readAt, List<Framework> frameworks, Map<String, List<FrameworkNode>> nodes,
            Map<String, FrameworkNode> byCode) {
    }

    private Reference reference() {
        Reference r = reference;
        long now = System.nanoTime();
        if (r == null || now - r.readAt() > REFERENCE_MAX_AGE.toNanos()) {
            r = new Reference(now, List.copyOf(frameworks.findAll()), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            reference = r;
        }
        return r;
    }

    /** Forgets the kept frameworks now and again when the current transaction ends (committed or not). */
    private void forget() {
        reference = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    reference = null;
                }
            });
        }
    }

    public List<Framework> list() {
        return reference().frameworks();
    }

    public Framework get(String code) {
        return list().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("framework", code));
    }

    /**
     * A node by code: from the kept nodes when its framework's are kept, else read (and its framework's nodes kept
     * for the next ones), so that a code not found is never an answer from memory.
     */
    public Optional<FrameworkNode> findNode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        FrameworkNode kept = reference().byCode().get(code);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<FrameworkNode> read = frameworks.node(code);
        read.filter(n -> list().stream().anyMatch(f -> f.code().equals(n.frameworkCode())))
                .ifPresent(n -> nodes(n.frameworkCode()));
        return read;
    }

    public List<FrameworkNode> nodes(String frameworkCode) {
        get(frameworkCode);
        Reference r = reference();
        return r.nodes().computeIfAbsent(frameworkCode, c -> {
            List<FrameworkNode> nodes = List.copyOf(frameworks.nodes(c));
            nodes.forEach(n -> r.byCode().put(n.code(), n));
            return nodes;
        });
    }

    /** The node tree of a framework, each node with its number of live crosswalk links. */
    public List<TreeNode> tree(String frameworkCode) {
        List<FrameworkNode> nodes = nodes(frameworkCode);
        Map<String, Integer> links = crosswalk.liveCounts(frameworkCode);
        Map<String, List<FrameworkNode>> byParent = new HashMap<>();
        for (FrameworkNode n : nodes) {
            byParent.computeIfAbsent(n.parentCode() == null ? "" : n.parentCode(), k -> new ArrayList<>()).add(n);
        }
        return build("", byParent, links);
    }

    private List<TreeNode> build(String parent, Map<String, List<FrameworkNode>> byParent, Map<String, Integer> links) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(n -> new TreeNode(n, links.getOrDefault(n.code(), 0), build(n.code(), byParent, links)))
                .toList();
    }

    public NodeDetail node(String frameworkCode, String nodeCode) {
        Framework framework = get(frameworkCode);
        FrameworkNode node = frameworks.node(nodeCode).filter(n -> n.frameworkCode().equals(frameworkCode))
                .orElseThrow(() -> new NotFoundException("node", nodeCode));
        List<NodeRef> ancestors = new ArrayList<>();
        for (String parent = node.parentCode(); parent != null; ) {
            FrameworkNode p = frameworks.node(parent).orElseThrow();
            ancestors.addFirst(p.ref());
            parent = p.parentCode();
        }
        List<CrosswalkLink> all = crosswalk.touching(nodeCode, true);
        return new NodeDetail(framework, node, ancestors, frameworks.children(nodeCode), frameworks.reports(nodeCode),
                all.stream().filter(CrosswalkLink::live).toList(),
                all.stream().filter(l -> !l.live()).toList());
    }

    public PageResult<NodeSearchHit> search(String query, String frameworkCode, PageQuery page) {
        String q = query == null ? "" : query.strip();
        Validation.start().required("q", q).maxLength("q", q, 200).throwIfInvalid();
        String framework = frameworkCode == null || frameworkCode.isBlank() ? null : frameworkCode.strip();
        if (framework != null && frameworks.find(framework).isEmpty()) {
            throw new InvalidInputException("framework", "validation.unknown");
        }
        List<NodeSearchHit> hits = frameworks.search(q, framework, page.size(), page.offset()).stream()
                .map(h -> {
                    String snippet = h.snippet() == null ? "" : h.snippet();
                    return new NodeSearchHit(h.node().ref(), snippet.replace("\u0001", "").replace("\u0002", ""),
                            HtmlUtils.htmlEscape(snippet, "UTF-8").replace("\u0001", "<mark>").replace("\u0002", "</mark>"));
                })
                .toList();
        return new PageResult<>(hits, page.page(), page.size(), frameworks.countSearch(q, framework));
    }

    /** A node found by search, with an escaped snippet whose matches are in {@code <mark>}. */
    public record NodeSearchHit(NodeRef node, String snippet, String snippetHtml) {
    }

    public List<CrosswalkLink> linksOf(String nodeCode, boolean includeRemoved) {
        if (frameworks.node(nodeCode).isEmpty()) {
            throw new NotFoundException("node", nodeCode);
        }
        return crosswalk.touching(nodeCode, includeRemoved);
    }

    public PageResult<CrosswalkLink> links(String frameworkA, String frameworkB, LinkBasis basis, boolean includeRemoved,
            PageQuery page) {
        Validation v = Validation.start();
        if (frameworkA != null && frameworks.find(frameworkA).isEmpty()) {
            v.reject("framework", "validation.unknown");
        }
        if (frameworkB != null && frameworks.find(frameworkB).isEmpty()) {
            v.reject("with", "validation.unknown");
        }
        v.throwIfInvalid();
        return new PageResult<>(crosswalk.between(frameworkA, frameworkB, basis, includeRemoved, page.size(), page.offset()),
                page.page(), page.size(), crosswalk.countBetween(frameworkA, frameworkB, basis, includeRemoved));
    }

    public CrosswalkLink link(long id) {
        return crosswalk.find(id).orElseThrow(() -> new NotFoundException("link", id));
    }

    /**
     * The matrix of two frameworks. Rows are the row framework's sections or programmes (its top-level nodes
     * when it has none); columns are the column framework's top-level nodes. A link counts in a cell when one
     * end is in the row's subtree and the other in the column's subtree.
     */
    public CrosswalkMatrix matrix(String rowFramework, String columnFramework) {
        Framework rows = get(rowFramework);
        Framework columns = get(columnFramework);
        if (rowFramework.equals(columnFramework)) {
            throw new InvalidInputException("cols", "frameworks.matrixSameFramework");
        }
        List<FrameworkNode> rowAll = frameworks.nodes(rowFramework);
        List<FrameworkNode> columnAll = frameworks.nodes(columnFramework);
        List<FrameworkNode> rowGroups = rowAll.stream()
                .filter(n -> n.depth() == 0 && (n.kind() == NodeKind.SECTION || n.kind() == NodeKind.PROGRAMME)).toList();
        if (rowGroups.isEmpty()) {
            rowGroups = rowAll.stream().filter(n -> n.depth() == 0).toList();
        }
        List<FrameworkNode> columnGroups = columnAll.stream().filter(n -> n.depth() == 0).toList();
        Map<String, Integer> rowIndex = groupIndex(rowAll, rowGroups);
        Map<String, Integer> columnIndex = groupIndex(columnAll, columnGroups);
        int[][] counts = new int[rowGroups.size()][columnGroups.size()];
        int total = 0;
        for (CrosswalkLink link : crosswalk.between(rowFramework, columnFramework, null, false, Integer.MAX_VALUE, 0)) {
            Integer r = rowIndex.containsKey(link.from().code()) ? rowIndex.get(link.from().code()) : rowIndex.get(link.to().code());
            Integer c = columnIndex.containsKey(link.from().code()) ? columnIndex.get(link.from().code()) : columnIndex.get(link.to().code());
            if (r != null && c != null) {
                counts[r][c]++;
                total++;
            }
        }
        List<List<Integer>> table = new ArrayList<>();
        for (int[] row : counts) {
            table.add(Arrays.stream(row).boxed().toList());
        }
        return new CrosswalkMatrix(rows, columns, rowGroups.stream().map(FrameworkNode::ref).toList(),
                columnGroups.stream().map(FrameworkNode::ref).toList(), table, total);
    }

    /**
     * The live links behind a matrix cell, row or column: links between the two frameworks whose ends fall
     * under {@code rowNode} (if given) and {@code columnNode} (if given).
     */
    public List<CrosswalkLink> cell(String rowFramework, String columnFramework, String rowNode, String columnNode,
            LinkBasis basis) {
        get(rowFramework);
        get(columnFramework);
        Map<String, String> parents = new HashMap<>();
        frameworks.nodes(rowFramework).forEach(n -> parents.put(n.code(), n.parentCode()));
        frameworks.nodes(columnFramework).forEach(n -> parents.put(n.code(), n.parentCode()));
        if (rowNode != null && !parents.containsKey(rowNode)) {
            throw new InvalidInputException("row", "frameworks.unknownNode");
        }
        if (columnNode != null && !parents.containsKey(columnNode)) {
            throw new InvalidInputException("col", "frameworks.unknownNode");
        }
        return crosswalk.between(rowFramework, columnFramework, basis, false, Integer.MAX_VALUE, 0).stream()
                .filter(l -> (under(l.from().code(), rowNode, parents) && under(l.to().code(), columnNode, parents))
                        || (under(l.to().code(), rowNode, parents) && under(l.from().code(), columnNode, parents)))
                .toList();
    }

    private static boolean under(String code, String ancestor, Map<String, String> parents) {
        if (ancestor == null) {
            return true;
        }
        for (String c = code; c != null; c = parents.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Each node code → index of the group (top-level node) it falls under. */
    private static Map<String, Integer> groupIndex(List<FrameworkNode> all, List<FrameworkNode> groups) {
        Map<String, String> parent = new HashMap<>();
        all.forEach(n -> parent.put(n.code(), n.parentCode()));
        Map<String, Integer> groupPosition = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            groupPosition.put(groups.get(i).code(), i);
        }
        Map<String, Integer> index = new HashMap<>();
        for (FrameworkNode n : all) {
            for (String c = n.code(); c != null; c = parent.get(c)) {
                if (groupPosition.containsKey(c)) {
                    index.put(n.code(), groupPosition.get(c));
                    break;
                }
            }
        }
        return index;
    }

    @Transactional
    public CrosswalkLink addLink(NewLink input) {
        MarsadPrincipal user = CurrentUser.require(Role.COORDINATOR, Role.ADMIN);
        Validation v = Validation.start().required("from", input.from()).required("to", input.to())
                .required("relation", input.relation()).required("basis", input.basis())
                .required("rationale", input.rationale()).maxLength("rationale", input.rationale(), MAX_RATIONALE);
        Optional<FrameworkNode> from = findNode(input.from() == null ? null : input.from().strip());
        Optional<FrameworkNode> to = findNode(input.to() == null ? null : input.to().strip());
        if (input.from() != null && !input.from().isBlank() && from.isEmpty()) {
            v.reject("from", "frameworks.unknownNode");
        }
        if (input.to() != null && !input.to().isBlank() && to.isEmpty()) {
            v.reject("to", "frameworks.unknownNode");
        }
        if (from.isPresent() && to.isPresent() && from.get().frameworkCode().equals(to.get().frameworkCode())) {
            v.reject("to", "frameworks.sameFramework");
        }
        List<SourceCitation> sources = input.sources() == null ? List.of() : input.sources();
        if (input.basis() == LinkBasis.STATED && sources.isEmpty()) {
            v.reject("sources", "frameworks.statedNeedsSource");
        }
        for (int i = 0; i < sources.size(); i++) {
            try {
                documents.verify(sources.get(i));
            }
            catch (IllegalArgumentException | NullPointerException e) {
                v.reject("sources[" + i + "]", "frameworks.badCitation");
            }
        }
        v.throwIfInvalid();
        if (crosswalk.livePairExists(from.get().id(), to.get().id())) {
            throw new ConflictException("to", "frameworks.linkExists");
        }
        long id = crosswalk.insert(from.get().id(), to.get().id(), input.relation(), input.basis(), input.rationale(),
                sources, false, user.username());
        CrosswalkLink created = link(id);
        audit.record("CREATE", "crosswalk_link", created.from().code() + "↔" + created.to().code(),
                "crosswalk link added", null, created, true);
        return created;
    }

    @Transactional
    public CrosswalkLink removeLink(long id, String reason) {
        MarsadPrincipal user = CurrentUser.require(Role.COORDINATOR, Role.ADMIN);
        CrosswalkLink before = link(id);
        Validation.start().required("reason", reason).maxLength("reason", reason, 1000).throwIfInvalid();
        if (!crosswalk.remove(id, user.username(), reason.strip())) {
            throw new ConflictException("id", "frameworks.linkAlreadyRemoved");
        }
        CrosswalkLink after = link(id);
        audit.record("REMOVE", "crosswalk_link", before.from().code() + "↔" + before.to().code(), reason.strip(),
                before, after, true);
        return after;
    }

    /** Records the status of an instrument as a newer report gives it (the date of the report goes with it). */
    @Transactional
    public Framework updateStatus(String code, StatusUpdate update) {
        CurrentUser.require(Role.COORDINATOR, Role.ADMIN);
        Framework before = frameworks.find(code).orElseThrow(() -> new NotFoundException("framework", code));
        Validation v = Validation.start().required("status", update.status()).required("statusReportedOn", update.statusReportedOn())
                .required("version", update.version());
        if (update.statusReportedOn() != null && update.statusReportedOn().earliest().isAfter(LocalDate.now())) {
            v.reject("statusReportedOn", "frameworks.futureDate");
        }
        v.throwIfInvalid();
        Framework.Dates dates = update.dates() == null ? before.dates() : update.dates();
        if (!frameworks.updateStatus(code, update.status(), update.statusReportedOn(), dates, update.version())) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        forget();
        Framework after = frameworks.find(code).orElseThrow();
        audit.record("UPDATE", "framework", code, "status " + before.status() + " → " + after.status(), before, after, true);
        return after;
    }

    public record StatusUpdate(FrameworkStatus status, PartialDate statusReportedOn, Framework.Dates dates, Integer version) {
    }

    /** Adds or corrects the translations of a node's title (the document's French text is not editable). */
    @Transactional
    public FrameworkNode updateNodeTitle(String nodeCode, LocalizedText title, Integer version) {
        CurrentUser.require(Role.COORDINATOR, Role.ADMIN);
        FrameworkNode before = findNode(nodeCode).orElseThrow(() -> new NotFoundException("node", nodeCode));
        Validation.start().required("title.fr", title == null ? null : title.fr()).maxLength("title", title, 500)
                .required("version", version).throwIfInvalid();
        if (!frameworks.updateNodeTitle(nodeCode, title, version)) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        forget();
        FrameworkNode after = findNode(nodeCode).orElseThrow();
        audit.record("UPDATE", "framework_node", nodeCode, "title translated", before, after, true);
        return after;
    }

    public Map<String, Integer> reportCounts(String frameworkCode) {
        return frameworks.reportCounts(frameworkCode);
    }
}
