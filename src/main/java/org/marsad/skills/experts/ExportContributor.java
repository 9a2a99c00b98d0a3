package org.marsad.skills.experts;

/** A part of the module that holds data about an expert and adds it to "download my data". */
public interface ExportContributor {

    /** The name of the section in the export, e.g. "missions". */
    String section();

    Object export(long expertId, Long userId);
}
