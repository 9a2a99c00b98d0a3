package org.marsad.skills.matching;

import java.util.Arrays;

import org.marsad.skills.SpokenLanguage;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.taxonomy.EscoTaxonomy;

/**
 * An expert as the matching index holds them: compact and immutable (a change replaces the vector). Skills are
 * ESCO concept indexes, sorted; languages are packed as (language index, level); availability as pairs of epoch days.
 */
final class ExpertVector {

    static final byte UNSTATED = -1;

    final int id;
    final String country;
    final int occupation;
    final int iscoUnit;
    final byte years;
    final byte education;
    final int contributions;
    final int[] skills;
    final byte[] skillLevels;
    final short[] languages;
    final int[] availability;
    final boolean matchingConsent;
    final boolean contactConsent;

    ExpertVector(int id, String country, int occupation, int iscoUnit, byte years, byte education, int contributions,
            int[] skills, byte[] skillLevels, short[] languages, int[] availability, boolean matchingConsent,
            boolean contactConsent) {
        this.id = id;
        this.country = country;
        this.occupation = occupation;
        this.iscoUnit = iscoUnit;
        this.years = years;
        this.education = education;
        this.contributions = contributions;
        this.skills = skills;
        this.skillLevels = skillLevels;
        this.languages = languages;
        this.availability = availability;
        this.matchingConsent = matchingConsent;
        this.contactConsent = contactConsent;
    }

    static ExpertVector of(MatchingProfile p, EscoTaxonomy taxonomy) {
        if (p.id() > Integer.MAX_VALUE) {
            throw new IllegalStateException("expert id beyond the index's range: " + p.id());
        }
        int occupation = p.occupationUri() == null ? -1 : taxonomy.indexOf(p.occupationUri());
        int isco = occupation < 0 ? -1 : iscoOf(taxonomy.get(occupation).iscoCode());
        long[] packed = p.skills().stream()
                .mapToLong(s -> {
                    int index = taxonomy.indexOf(s.uri());
                    return index < 0 ? -1 : ((long) index << 8) | ((s.level() == null ? UNSTATED : s.level().ordinal()) & 0xff);
                })
                .filter(v -> v >= 0).sorted().distinct().toArray();
        int[] skills = new int[packed.length];
        byte[] levels = new byte[packed.length];
        int n = 0;
        for (long v : packed) {
            int concept = (int) (v >>> 8);
            if (n > 0 && skills[n - 1] == concept) {
                // The same concept chosen and confirmed from free text: keep the stated level.
                levels[n - 1] = (byte) Math.max(levels[n - 1], (byte) v);
                continue;
            }
            skills[n] = concept;
            levels[n] = (byte) v;
            n++;
        }
        var spoken = p.languages().stream().filter(l -> SpokenLanguage.CODES.contains(l.code())).toList();
        short[] languages = new short[spoken.size()];
        for (int i = 0; i < languages.length; i++) {
            languages[i] = (short) ((SpokenLanguage.CODES.indexOf(spoken.get(i).code()) << 8) | spoken.get(i).level().ordinal());
        }
        Arrays.sort(languages);
        var windows = p.availability().stream().sorted((x, y) -> x.from().compareTo(y.from())).toList();
        int[] availability = new int[windows.size() * 2];
        for (int i = 0; i < windows.size(); i++) {
            availability[2 * i] = (int) windows.get(i).from().toEpochDay();
            availability[2 * i + 1] = (int) windows.get(i).to().toEpochDay();
        }
        int contributions = 0;
        for (var c : p.contributions()) {
            contributions |= 1 << c.ordinal();
        }
        return new ExpertVector((int) p.id(), p.country() == null ? null : p.country().intern(), occupation, isco,
                p.yearsExperience() == null ? UNSTATED : (byte) Math.min(p.yearsExperience(), 100),
                p.educationLevel() == null ? UNSTATED : (byte) p.educationLevel().ordinal(), contributions,
                Arrays.copyOf(skills, n), Arrays.copyOf(levels, n), languages, availability, p.matchingConsent(),
                p.contactConsent());
    }

    static int iscoOf(String code) {
        if (code == null || code.length() != 4) {
            return -1;
        }
        try {
            return Integer.parseInt(code);
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The expert's level in a language (ordinal of CefrLevel), or -1. */
    int languageLevel(int languageIndex) {
        for (short l : languages) {
            if ((l >>> 8) == languageIndex) {
                return l & 0xff;
            }
        }
        return -1;
    }

    long bytes() {
        return 64 + 16 + 4L * skills.length + 16 + skillLevels.length + 16 + 2L * languages.length + 16 + 4L * availability.length;
    }
}
