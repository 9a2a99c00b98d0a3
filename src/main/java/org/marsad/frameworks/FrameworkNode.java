package org.marsad.frameworks;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/** A node of a framework: section, programme, objective, point, action… with its text and source passages. */
public record FrameworkNode(
        long id,
        String frameworkCode,
        String code,
        String parentCode,
        NodeKind kind,
        String number,
        int position,
        int depth,
        LocalizedText title,
        LocalizedText text,
        boolean complete,
        LocalizedText gaps,
        List<SourceCitation> sources,
        int version) {

    public NodeRef ref() {
        return new NodeRef(code, frameworkCode, kind, number, title);
    }
}
