package org.marsad.organisations;

import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/** An organisation of the registry, with its aliases and the passages of the documents that name it. */
public record Organisation(
        long id,
        String code,
        OrganisationType type,
        String country,
        String parentCode,
        LocalizedText name,
        LocalizedText acronym,
        LocalizedText description,
        String iatiIdentifier,
        String website,
        List<Alias> aliases,
        List<SourceCitation> sources,
        int version,
        boolean withdrawn,
        String withdrawnReason,
        OffsetDateTime updatedAt) {

    public record Alias(String value, String lang, AliasKind kind, String note) {
    }
}
