package org.marsad.organisations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.marsad.organisations.AliasKind;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationInput;
import org.marsad.organisations.OrganisationType;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;

/**
 * The organisation form as the browser posts it. Aliases are edited as text, one per line:
 * {@code value | kind | language | note}, so the form works without script; a bad line is reported by number.
 */
record OrganisationForm(String code, String type, String country, String parentCode, String nameFr, String nameAr,
        String nameEn, String acronymFr, String acronymAr, String acronymEn, String descriptionFr, String descriptionAr,
        String descriptionEn, String iatiIdentifier, String website, String aliases, Integer version) {

    static OrganisationForm empty() {
        return new OrganisationForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", null);
    }

    static OrganisationForm of(Organisation o) {
        String aliases = o.aliases().stream()
                .map(a -> a.value() + " | " + a.kind() + " | " + (a.lang() == null ? "" : a.lang())
                        + (a.note() == null ? "" : " | " + a.note()))
                .collect(Collectors.joining("\n"));
        return new OrganisationForm(o.code(), o.type().name(), o.country(), o.parentCode(), o.name().fr(), o.name().ar(),
                o.name().en(), o.acronym().fr(), o.acronym().ar(), o.acronym().en(), o.description().fr(),
                o.description().ar(), o.description().en(), o.iatiIdentifier(), o.website(), aliases, o.version());
    }

    OrganisationInput toInput() {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        OrganisationType parsedType = null;
        if (type != null && !type.isBlank()) {
            try {
                parsedType = OrganisationType.valueOf(type);
            }
            catch (IllegalArgumentException e) {
                errors.add(new InvalidInputException.FieldError("type", "validation.unknown", new Object[0]));
            }
        }
        List<Organisation.Alias> parsed = new ArrayList<>();
        String[] lines = aliases == null ? new String[0] : aliases.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|", 4);
            String value = parts[0].strip();
            String kind = parts.length > 1 ? parts[1].strip().toUpperCase(Locale.ROOT) : "OTHER_NAME";
            String lang = parts.length > 2 ? parts[2].strip().toLowerCase(Locale.ROOT) : "";
            String note = parts.length > 3 ? parts[3].strip() : null;
            try {
                parsed.add(new Organisation.Alias(value, lang.isEmpty() ? null : lang,
                        AliasKind.valueOf(kind.isEmpty() ? "OTHER_NAME" : kind), note));
            }
            catch (IllegalArgumentException e) {
                errors.add(new InvalidInputException.FieldError("aliases", "organisations.aliasLine", new Object[] {i + 1}));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new OrganisationInput(code, parsedType, country, parentCode, LocalizedText.of(nameFr, nameAr, nameEn),
                LocalizedText.of(acronymFr, acronymAr, acronymEn), LocalizedText.of(descriptionFr, descriptionAr, descriptionEn),
                iatiIdentifier, website, parsed, version);
    }
}
