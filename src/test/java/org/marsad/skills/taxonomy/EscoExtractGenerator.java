package org.marsad.skills.taxonomy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the compact derived extract of ESCO v1.1.1 that Marsad ships
 * ({@code src/main/resources/seed/esco/esco-v1.1.1-extract.tsv.gz}) from the CSV files of the ESCO download
 * service. Only what Marsad uses is kept: concept URIs, types and codes, preferred and alternative labels in
 * English and French (where the copy has them), the occupation → skill relations (essential/optional), the
 * skill → skill relations and the broader/narrower hierarchies of both pillars. Descriptions are left out.
 *
 * <p>Run: {@code ./mvnw -q test-compile && java -cp target/test-classes org.marsad.skills.taxonomy.EscoExtractGenerator
 * <esco v1.1.1 folder> src/main/resources/seed/esco/esco-v1.1.1-extract.tsv.gz}. The output is deterministic (sorted,
 * gzip without timestamp), so {@code EscoExtractTest} can check that the committed file is what this produces.
 */
public final class EscoExtractGenerator {

    static final String BASE = "http://data.europa.eu/esco/";

    private EscoExtractGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EscoExtractGenerator <esco-v1.1.1-dir> <output .tsv.gz>");
            System.exit(2);
        }
        byte[] bytes = generate(Path.of(args[0]));
        Files.write(Path.of(args[1]), bytes);
        System.out.println("wrote " + args[1] + " (" + bytes.length + " bytes)");
    }

    /** The gzipped extract built from an ESCO v1.1.1 CSV folder (with en/, fr/ and relations/). */
    public static byte[] generate(Path esco) throws IOException {
        Map<String, Concept> concepts = new TreeMap<>();
        for (Map<String, String> row : Csv.read(esco.resolve("en/ISCOGroups_en.csv"))) {
            concept(concepts, row.get("conceptUri"), "I", row.get("code")).en(row.get("preferredLabel"), row.get("altLabels"));
        }
        for (Map<String, String> row : Csv.read(esco.resolve("fr/ISCOGroups_fr.csv"))) {
            existing(concepts, row.get("conceptUri")).fr(row.get("preferredLabel"), row.get("altLabels"));
        }
        for (Map<String, String> row : Csv.read(esco.resolve("en/occupations_en.csv"))) {
            concept(concepts, row.get("conceptUri"), "O", row.get("code")).en(row.get("preferredLabel"), row.get("altLabels"));
        }
        for (Map<String, String> row : Csv.read(esco.resolve("fr/occupations_fr.csv"))) {
            existing(concepts, row.get("conceptUri")).fr(row.get("preferredLabel"), row.get("altLabels"));
        }
        for (Map<String, String> row : Csv.read(esco.resolve("en/skillGroups_en.csv"))) {
            concept(concepts, row.get("conceptUri"), "G", row.get("code")).en(row.get("preferredLabel"), row.get("altLabels"));
        }
        for (Map<String, String> row : Csv.read(esco.resolve("fr/skillGroups_fr.csv"))) {
            existing(concepts, row.get("conceptUri")).fr(row.get("preferredLabel"), row.get("altLabels"));
        }
        for (Map<String, String> row : Csv.read(esco.resolve("en/skills_en.csv"))) {
            String type = "knowledge".equals(row.get("skillType")) ? "K" : "S";
            concept(concepts, row.get("conceptUri"), type, "").en(row.get("preferredLabel"), row.get("altLabels"));
        }
        // The copy has no full skills_fr.csv: French skill labels come from the French thematic collections and the
        // French skills hierarchy, which cover part of the pillar.
        try (var files = Files.list(esco.resolve("fr"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Collection_fr.csv")).sorted().toList()) {
                for (Map<String, String> row : Csv.read(file)) {
                    Concept c = concepts.get(row.get("conceptUri"));
                    if (c != null && c.prefFr == null) {
                        c.fr(row.get("preferredLabel"), row.get("altLabels"));
                    }
                }
            }
        }
        for (Map<String, String> row : Csv.read(esco.resolve("fr/skillsHierarchy_fr.csv"))) {
            for (int level = 0; level <= 3; level++) {
                Concept c = concepts.get(row.get("Level " + level + " URI"));
                if (c != null && c.prefFr == null) {
                    c.fr(row.get("Level " + level + " preferred term"), null);
                }
            }
        }

        Map<String, Integer> index = new HashMap<>();
        List<Concept> ordered = new ArrayList<>(concepts.values());
        ordered.sort((a, b) -> a.type.equals(b.type) ? a.key.compareTo(b.key) : order(a.type) - order(b.type));
        for (int i = 0; i < ordered.size(); i++) {
            index.put(ordered.get(i).uri, i);
        }

        Set<String> relations = new TreeSet<>();
        for (Map<String, String> row : Csv.read(esco.resolve("relations/occupationSkillRelations.csv"))) {
            relation(relations, index, "essential".equals(row.get("relationType")) ? "E" : "P", row.get("occupationUri"),
                    row.get("skillUri"));
        }
        for (Map<String, String> row : Csv.read(esco.resolve("relations/skillSkillRelations.csv"))) {
            relation(relations, index, "essential".equals(row.get("relationType")) ? "SE" : "SO",
                    row.get("originalSkillUri"), row.get("relatedSkillUri"));
        }
        for (String file : List.of("relations/broaderRelationsOccPillar.csv", "relations/broaderRelationsSkillPillar.csv")) {
            for (Map<String, String> row : Csv.read(esco.resolve(file))) {
                relation(relations, index, "B", row.get("conceptUri"), row.get("broaderUri"));
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            w.write("# Derived from ESCO v1.1.1 (European Skills, Competences, Qualifications and Occupations).\n");
            w.write("# This service uses the ESCO classification of the European Commission.\n");
            w.write("# Modified extract: labels (en, fr where available), codes, hierarchies and relations only; no descriptions.\n");
            w.write("# C\tindex\ttype(I=ISCO group,O=occupation,G=skill group,S=skill,K=knowledge)\turi suffix\tcode\tlabel en\tlabel fr\talt en (|)\talt fr (|)\n");
            w.write("# R\tkind(E/P=occupation essential/optional skill, SE/SO=skill essential/optional related skill, B=broader)\tfrom\tto\n");
            for (int i = 0; i < ordered.size(); i++) {
                Concept c = ordered.get(i);
                w.write(String.join("\t", "C", Integer.toString(i), c.type, c.key, clean(c.code), clean(c.prefEn),
                        clean(c.prefFr), String.join("|", c.altEn), String.join("|", c.altFr)));
                w.write('\n');
            }
            for (String r : relations) {
                w.write(r);
                w.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static int order(String type) {
        return "IOGSK".indexOf(type);
    }

    private static void relation(Set<String> relations, Map<String, Integer> index, String kind, String from, String to) {
        Integer f = index.get(from);
        Integer t = index.get(to);
        if (f == null || t == null) {
            return;
        }
        // Zero-padded so that the sorted set is also sorted by number.
        relations.add(String.format("R\t%s\t%06d\t%06d", kind, f, t));
    }

    private static Concept concept(Map<String, Concept> concepts, String uri, String type, String code) {
        if (!uri.startsWith(BASE)) {
            throw new IllegalArgumentException("unexpected URI " + uri);
        }
        return concepts.computeIfAbsent(uri, u -> new Concept(u, u.substring(BASE.length()), type, code == null ? "" : code));
    }

    private static Concept existing(Map<String, Concept> concepts, String uri) {
        Concept c = concepts.get(uri);
        if (c == null) {
            throw new IllegalArgumentException("French row for unknown concept " + uri);
        }
        return c;
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String v = s.replaceAll("[\\t\\r\\n|]+", " ").replaceAll(" {2,}", " ").strip();
        return v;
    }

    private static final class Concept {
        final String uri;
        final String key;
        final String type;
        final String code;
        String prefEn;
        String prefFr;
        final Set<String> altEn = new LinkedHashSet<>();
        final Set<String> altFr = new LinkedHashSet<>();

        Concept(String uri, String key, String type, String code) {
            this.uri = uri;
            this.key = key;
            this.type = type;
            this.code = code;
        }

        Concept en(String pref, String alt) {
            prefEn = clean(pref);
            altEn.addAll(alternatives(alt, prefEn));
            return this;
        }

        Concept fr(String pref, String alt) {
            String p = clean(pref);
            if (p.isEmpty()) {
                return this;
            }
            prefFr = p;
            altFr.addAll(alternatives(alt, prefFr));
            return this;
        }

        private static List<String> alternatives(String alt, String pref) {
            List<String> out = new ArrayList<>();
            if (alt == null) {
                return out;
            }
            // Lists come separated by newlines (full files) or by " | " (collections).
            for (String a : alt.split("\\R|\\s\\|\\s")) {
                String v = clean(a);
                if (!v.isEmpty() && !v.equalsIgnoreCase(pref)) {
                    out.add(v);
                }
            }
            return out;
        }
    }

    /** RFC 4180 CSV with a header row; quoted fields may hold commas, quotes ("") and newlines. */
    static final class Csv {

        static List<Map<String, String>> read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            List<List<String>> records = parse(text);
            List<String> header = records.getFirst();
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> record : records.subList(1, records.size())) {
                if (record.size() == 1 && record.getFirst().isEmpty()) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < record.size() ? record.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }

        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        }
                        else {
                            quoted = false;
                        }
                    }
                    else {
                        field.append(c);
                    }
                }
                else if (c == '"') {
                    quoted = true;
                }
                else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                }
                else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                }
                else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !record.isEmpty()) {
                record.add(field.toString());
                records.add(record);
            }
            return records;
        }
    }
}
