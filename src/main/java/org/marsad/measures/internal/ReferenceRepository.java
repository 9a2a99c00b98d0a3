package org.marsad.measures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.marsad.measures.MeasureModel;
import org.marsad.measures.MigrationPhase;
import org.marsad.measures.TargetGroup;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reference lists of the inventory: ETF models, target groups, and the points related to each phase. */
@Repository
public class ReferenceRepository {

    private final JdbcClient jdbc;
    private final Json json;

    ReferenceRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<MeasureModel> models() {
        return jdbc.sql("SELECT * FROM measures.model ORDER BY position").query(this::model).list();
    }

    public List<TargetGroup> targetGroups() {
        return jdbc.sql("SELECT * FROM measures.target_group ORDER BY position")
                .query((rs, n) -> new TargetGroup(rs.getString("code"), rs.getInt("position"), json.text(rs.getString("title"))))
                .list();
    }

    public List<StoredPhasePoint> phasePoints() {
        return jdbc.sql("SELECT * FROM measures.phase_point ORDER BY position")
                .query((rs, n) -> new StoredPhasePoint(MigrationPhase.valueOf(rs.getString("phase")), rs.getString("node_code"),
                        citations(rs.getString("sources"))))
                .list();
    }

    public void upsertModel(String code, int position, LocalizedText title, List<MigrationPhase> phases, List<SourceCitation> sources) {
        jdbc.sql("""
                INSERT INTO measures.model (code, position, title, phases, sources)
                VALUES (:code, :position, :title, :phases, :sources)
                ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title,
                    phases = EXCLUDED.phases, sources = EXCLUDED.sources
                """)
                .param("code", code).param("position", position).param("title", json.jsonb(title))
                .param("phases", phases.stream().map(Enum::name).toArray(String[]::new))
                .param("sources", json.jsonb(sources))
                .update();
    }

    public void upsertTargetGroup(String code, int position, LocalizedText title) {
        jdbc.sql("""
                INSERT INTO measures.target_group (code, position, title) VALUES (:code, :position, :title)
                ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title
                """)
                .param("code", code).param("position", position).param("title", json.jsonb(title)).update();
    }

    public void replacePhasePoints(List<StoredPhasePoint> points) {
        jdbc.sql("DELETE FROM measures.phase_point").update();
        int position = 0;
        for (StoredPhasePoint p : points) {
            jdbc.sql("""
                    INSERT INTO measures.phase_point (phase, node_code, position, sources)
                    VALUES (:phase, :node, :position, :sources)
                    """)
                    .param("phase", p.phase().name()).param("node", p.node()).param("position", position++)
                    .param("sources", json.jsonb(p.sources()))
                    .update();
        }
    }

    private MeasureModel model(ResultSet rs, int n) throws SQLException {
        return new MeasureModel(rs.getString("code"), rs.getInt("position"), json.text(rs.getString("title")),
                Arrays.stream((String[]) rs.getArray("phases").getArray()).map(MigrationPhase::valueOf).toList(),
                citations(rs.getString("sources")));
    }

    private List<SourceCitation> citations(String jsonArray) {
        return jsonArray == null ? List.of() : Arrays.asList(json.read(jsonArray, SourceCitation[].class));
    }

    public record StoredPhasePoint(MigrationPhase phase, String node, List<SourceCitation> sources) {
    }
}
