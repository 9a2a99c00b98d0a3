package org.marsad.documents.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.documents.DocumentSummary;
import org.marsad.documents.DocumentText;
import org.marsad.documents.DocumentsApi;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents", description = "The source documents, their text and French full-text search")
class DocumentRestController {

    private final DocumentsApi documents;

    DocumentRestController(DocumentsApi documents) {
        this.documents = documents;
    }

    @GetMapping
    @Operation(summary = "Without q: the documents of the library. With q: the passages that match, ranked, "
            + "each with its document, locator (lines), link and highlighted snippet")
    PageResult<?> list(
            @Parameter(description = "French full-text query: stemmed, accent-insensitive; \"phrase\", OR and -word work")
            @RequestParam(required = false) String q,
            @Parameter(description = "restrict the search to one document code") @RequestParam(required = false) String document,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size, 20);
        if (q == null) {
            return PageResult.of(documents.list(), paging);
        }
        return documents.search(q, document, paging);
    }

    @GetMapping("/{code}")
    @Operation(summary = "A document's metadata")
    DocumentSummary get(@PathVariable String code) {
        return documents.get(code);
    }

    @GetMapping("/{code}/lines")
    @Operation(summary = "Lines of a document (1-based, inclusive), e.g. the passage a citation points at")
    List<DocumentText.Line> lines(@PathVariable String code, @RequestParam(defaultValue = "1") int from,
            @RequestParam(required = false) Integer to) {
        DocumentText text = documents.text(code);
        int last = text.document().lineCount();
        int end = to == null ? last : to;
        if (from < 1 || from > last) {
            throw new InvalidInputException("from", "validation.between", 1, last);
        }
        if (end < from || end > last) {
            throw new InvalidInputException("to", "validation.between", from, last);
        }
        return text.passages().stream().flatMap(p -> p.lines().stream())
                .filter(l -> l.number() >= from && l.number() <= end).toList();
    }
}
