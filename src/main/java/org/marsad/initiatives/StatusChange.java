package org.marsad.initiatives;

import org.marsad.platform.LocalizedText;

/** A new status, the date it holds from (default today) and the comment that explains it. */
public record StatusChange(String status, String asOf, LocalizedText comment, Integer version) {
}
