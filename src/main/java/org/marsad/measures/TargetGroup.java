package org.marsad.measures;

import org.marsad.platform.LocalizedText;

/** A group of migrants that measures target (seasonal workers, returnees, skilled diaspora…). */
public record TargetGroup(String code, int position, LocalizedText title) {
}
