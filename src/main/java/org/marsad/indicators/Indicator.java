package org.marsad.indicators;

import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.frameworks.NodeRef;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * An indicator with its attachments (framework nodes, partner initiatives by identifier), baseline and live
 * periods in time order. {@code status} is the status of the latest period.
 */
public record Indicator(
        long id,
        String code,
        LocalizedText title,
        LocalizedText description,
        MeasureKind measure,
        LocalizedText unit,
        boolean ascending,
        List<NodeRef> nodes,
        List<String> initiatives,
        Baseline baseline,
        LocalizedText rationale,
        List<SourceCitation> sources,
        List<Period> periods,
        Rag status,
        int version,
        OffsetDateTime updatedAt,
        boolean withdrawn,
        String withdrawnBy,
        String withdrawnReason) {

    public String href() {
        return "/indicators/" + code;
    }
}
