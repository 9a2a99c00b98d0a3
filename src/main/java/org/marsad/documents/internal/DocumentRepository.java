package org.marsad.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.marsad.documents.DocumentSummary;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository {

    private static final String SUMMARY_COLUMNS = """
            d.code, d.file_name, d.kind, d.title, d.summary, d.issuer, d.issuer_codes, d.published_on, d.date_label,
            d.language, d.line_count, d.sha256,
            (SELECT count(*) FROM documents.passage p WHERE p.document_id = d.id) AS passage_count
            """;

    private final JdbcClient jdbc;
    private final Json json;

    DocumentRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<DocumentSummary> findAll() {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM documents.document d ORDER BY d.code")
                .query(this::summary).list();
    }

    public Optional<DocumentSummary> find(String code) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM documents.document d WHERE d.code = :code")
                .param("code", code).query(this::summary).optional();
    }

    public Optional<String> content(String code) {
        return jdbc.sql("SELECT content FROM documents.document WHERE code = :code").param("code", code)
                .query(String.class).optional();
    }

    public List<int[]> passageRanges(String code) {
        return jdbc.sql("""
                SELECT p.seq, p.from_line, p.to_line FROM documents.passage p
                JOIN documents.document d ON d.id = p.document_id WHERE d.code = :code ORDER BY p.seq
                """)
                .param("code", code)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
                .list();
    }

    public Optional<String> sha256(String code) {
        return jdbc.sql("SELECT sha256 FROM documents.document WHERE code = :code").param("code", code)
                .query(String.class).optional();
    }

    /** Replaces a document and its passages (seed documents are immutable, so this only runs on first load). */
    public void upsert(String code, String fileName, String kind, LocalizedText title, LocalizedText summary,
            String issuer, List<String> issuerCodes, LocalDate publishedOn, String dateLabel, String language,
            String content, String sha256, List<PassageSplitter.Passage> passages) {
        jdbc.sql("DELETE FROM documents.document WHERE code = :code").param("code", code).update();
        long id = jdbc.sql("""
                INSERT INTO documents.document (code, file_name, kind, title, summary, issuer, issuer_codes, published_on,
                    date_label, language, line_count, sha256, content)
                VALUES (:code, :fileName, :kind, :title, :summary, :issuer, :issuerCodes, :publishedOn, :dateLabel,
                    :language, :lineCount, :sha256, :content)
                RETURNING id
                """)
                .param("code", code)
                .param("fileName", fileName)
                .param("kind", kind)
                .param("title", json.jsonb(title))
                .param("summary", json.jsonb(summary))
                .param("issuer", issuer)
                .param("issuerCodes", issuerCodes.toArray(String[]::new))
                .param("publishedOn", publishedOn)
                .param("dateLabel", dateLabel)
                .param("language", language)
                .param("lineCount", (int) content.lines().count())
                .param("sha256", sha256)
                .param("content", content)
                .query(Long.class).single();
        int seq = 1;
        for (PassageSplitter.Passage passage : passages) {
            jdbc.sql("""
                    INSERT INTO documents.passage (document_id, seq, from_line, to_line, text)
                    VALUES (:documentId, :seq, :fromLine, :toLine, :text)
                    """)
                    .param("documentId", id).param("seq", seq++).param("fromLine", passage.fromLine())
                    .param("toLine", passage.toLine()).param("text", passage.text())
                    .update();
        }
    }

    public long countHits(String query, String document) {
        return jdbc.sql("""
                SELECT count(*) FROM documents.passage p JOIN documents.document d ON d.id = p.document_id
                WHERE p.tsv @@ websearch_to_tsquery('documents.fr_unaccent', :q)
                  AND (CAST(:document AS text) IS NULL OR d.code = :document)
                """)
                .param("q", query).param("document", document)
                .query(Long.class).single();
    }

    /**
     * Ranked hits with a headline. The ranking runs on the index; the (costly) headline only for the page.
     * Matching words come back between U+0001 and U+0002 so that the caller can escape the text, then mark them.
     */
    public List<RawHit> search(String query, String document, int limit, int offset) {
        return jdbc.sql("""
                WITH q AS (SELECT websearch_to_tsquery('documents.fr_unaccent', :q) AS query),
                ranked AS (
                    SELECT p.id, ts_rank_cd(p.tsv, q.query, 1) AS rank
                    FROM documents.passage p JOIN documents.document d ON d.id = p.document_id, q
                    WHERE p.tsv @@ q.query AND (CAST(:document AS text) IS NULL OR d.code = :document)
                    ORDER BY rank DESC, p.id
                    LIMIT :limit OFFSET :offset)
                SELECT d.code, d.title, p.seq, p.from_line, p.to_line, r.rank,
                       ts_headline('documents.fr_unaccent', p.text, q.query,
                           'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
                FROM ranked r JOIN documents.passage p ON p.id = r.id JOIN documents.document d ON d.id = p.document_id, q
                ORDER BY r.rank DESC, p.id
                """)
                .param("q", query).param("document", document).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new RawHit(rs.getString("code"), json.text(rs.getString("title")), rs.getInt("seq"),
                        rs.getInt("from_line"), rs.getInt("to_line"), rs.getDouble("rank"), rs.getString("snippet")))
                .list();
    }

    public record RawHit(String code, LocalizedText title, int seq, int fromLine, int toLine, double rank, String snippet) {
    }

    private DocumentSummary summary(ResultSet rs, int row) throws SQLException {
        return new DocumentSummary(
                rs.getString("code"),
                rs.getString("file_name"),
                rs.getString("kind"),
                json.text(rs.getString("title")),
                json.text(rs.getString("summary")),
                rs.getString("issuer"),
                Arrays.asList((String[]) rs.getArray("issuer_codes").getArray()),
                rs.getObject("published_on", LocalDate.class),
                rs.getString("date_label"),
                rs.getString("language"),
                rs.getInt("line_count"),
                rs.getInt("passage_count"),
                rs.getString("sha256"));
    }
}
