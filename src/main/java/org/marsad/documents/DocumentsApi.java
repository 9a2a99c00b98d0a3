package org.marsad.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.marsad.documents.internal.DocumentRepository;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.SourceCitation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The document library's public API: list and read documents, search them, and check that a citation points
 * at a real passage (every module's seed loader calls {@link #verify} for every record it loads).
 */
@Service
@Transactional(readOnly = true)
public class DocumentsApi {

    static final int MAX_QUERY = 200;

    private final DocumentRepository documents;
    private final Map<String, List<String>> linesBySha = new ConcurrentHashMap<>();

    DocumentsApi(DocumentRepository documents) {
        this.documents = documents;
    }

    public List<DocumentSummary> list() {
        return documents.findAll();
    }

    public DocumentSummary get(String code) {
        return documents.find(code).orElseThrow(() -> new NotFoundException("document", code));
    }

    public boolean exists(String code) {
        return documents.find(code).isPresent();
    }

    public DocumentText text(String code) {
        DocumentSummary summary = get(code);
        List<String> lines = lines(code);
        List<DocumentText.Passage> passages = new ArrayList<>();
        for (int[] range : documents.passageRanges(code)) {
            List<DocumentText.Line> passageLines = new ArrayList<>();
            for (int n = range[1]; n <= range[2] && n <= lines.size(); n++) {
                passageLines.add(new DocumentText.Line(n, lines.get(n - 1)));
            }
            passages.add(new DocumentText.Passage(range[0], range[1], range[2], passageLines));
        }
        return new DocumentText(summary, passages);
    }

    /** Ranked passages matching a French full-text query (stemmed, accent-insensitive; "quotes", OR, -not). */
    public PageResult<SearchHit> search(String query, String document, PageQuery page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new InvalidInputException("q", "validation.required");
        }
        if (q.length() > MAX_QUERY) {
            throw new InvalidInputException("q", "validation.maxLength", MAX_QUERY);
        }
        String doc = document == null || document.isBlank() ? null : document.strip();
        if (doc != null && !exists(doc)) {
            throw new InvalidInputException("document", "validation.unknown");
        }
        long total = documents.countHits(q, doc);
        List<SearchHit> hits = documents.search(q, doc, page.size(), page.offset()).stream().map(hit -> {
            String locator = "l. " + hit.fromLine() + "–" + hit.toLine();
            SourceCitation citation = new SourceCitation(hit.code(), locator, hit.fromLine(), hit.toLine(), null);
            String escaped = HtmlUtils.htmlEscape(hit.snippet(), "UTF-8");
            return new SearchHit(hit.code(), hit.title(), hit.seq(), hit.fromLine(), hit.toLine(), locator,
                    citation.href(), hit.rank(), hit.snippet().replace("\u0001", "").replace("\u0002", ""),
                    escaped.replace("\u0001", "<mark>").replace("\u0002", "</mark>"));
        }).toList();
        return new PageResult<>(hits, page.page(), page.size(), total);
    }

    /**
     * Checks that a citation names a document of the library, lines inside it, and (when it has one) a quote
     * found in those lines once whitespace is collapsed.
     *
     * @throws IllegalArgumentException describing what does not match
     */
    public void verify(SourceCitation citation) {
        String code = citation.documentCode();
        List<String> lines;
        try {
            lines = lines(code);
        }
        catch (NotFoundException e) {
            throw new IllegalArgumentException("citation of unknown document " + citation.document());
        }
        if (citation.toLine() > lines.size()) {
            throw new IllegalArgumentException("citation of " + code + " lines " + citation.fromLine() + "-"
                    + citation.toLine() + " but the document has " + lines.size() + " lines");
        }
        if (citation.quote() != null && !citation.quote().isBlank()) {
            String passage = normalise(String.join(" ", lines.subList(citation.fromLine() - 1, citation.toLine())));
            if (!passage.contains(normalise(citation.quote()))) {
                throw new IllegalArgumentException("quote \"" + citation.quote() + "\" not found in " + code + " lines "
                        + citation.fromLine() + "-" + citation.toLine() + " (" + citation.locator() + ")");
            }
        }
    }

    /** The cited lines, joined: what a citation points at. */
    public String passageText(SourceCitation citation) {
        List<String> lines = lines(citation.documentCode());
        int to = Math.min(citation.toLine(), lines.size());
        return normalise(String.join(" ", lines.subList(Math.min(citation.fromLine(), to) - 1, to)));
    }

    private List<String> lines(String code) {
        String sha = documents.sha256(code).orElseThrow(() -> new NotFoundException("document", code));
        return linesBySha.computeIfAbsent(sha, s -> documents.content(code).orElseThrow().lines().toList());
    }

    static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
