package org.marsad.skills.experts;

/**
 * Published, in the erasure's transaction, just before an expert's profile is deleted: the other parts of the
 * module remove or anonymise what they hold about the person (missions keep their trail without the person's words,
 * notifications to the person are deleted).
 */
public record ExpertErasing(long expertId, Long userId) {
}
