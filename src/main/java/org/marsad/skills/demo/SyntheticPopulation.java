package org.marsad.skills.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Sector;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.VisibleField;
import org.marsad.skills.demands.DemandInput;
import org.marsad.skills.demands.DemandStatus;
import org.marsad.skills.experts.ExpertProfile;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.experts.SyntheticExpert;
import org.marsad.skills.taxonomy.ConceptType;
import org.marsad.skills.taxonomy.EscoTaxonomy;

/**
 * A synthetic, deterministic population for demo mode and benchmarks: experts whose countries of residence follow
 * what the MISMES report (003, case study 2) gives for the 420 FINCOME experts — France 60 %, Germany 13 %, Canada
 * 10 %, USA 6 %, Belgium 5 %, England 5 %, other countries 6 % — in the fields it names (biotechnologies,
 * nanotechnologies, telecommunications, environmental sciences, management) and a few others, with ESCO occupations
 * and their ESCO skills; and demands from Moroccan universities, schools and institutions of the registry. Same seed,
 * same population; dates count from a reference day.
 */
public final class SyntheticPopulation {

    public static final long SEED = 20_131_106L;

    /** A field of expertise: its sector, ESCO occupations (English preferred labels), weight, and names. */
    record Field(Sector sector, List<String> occupations, int weight, String fr, String en, String ar) {
    }

    static final List<Field> FIELDS = List.of(
            new Field(Sector.BIOTECHNOLOGY, List.of("bioengineer", "biochemist", "food biotechnologist", "bioinformatics scientist",
                    "geneticist", "microbiologist", "biologist"), 14, "biotechnologies", "biotechnology", "التكنولوجيا الحيوية"),
            new Field(Sector.NANOTECHNOLOGY, List.of("nanoengineer", "materials engineer", "physicist", "chemist", "chemical engineer"),
                    8, "nanotechnologies", "nanotechnology", "تكنولوجيا النانو"),
            new Field(Sector.TELECOMMUNICATIONS, List.of("telecommunications engineer", "telecommunications analyst",
                    "ICT network engineer", "ICT network architect", "electrical engineer"), 14, "télécommunications",
                    "telecommunications", "الاتصالات"),
            new Field(Sector.ENVIRONMENT, List.of("environmental scientist", "environmental engineer", "ecologist", "hydrologist",
                    "climatologist", "water engineer"), 12, "sciences de l’environnement", "environmental sciences", "علوم البيئة"),
            new Field(Sector.MANAGEMENT, List.of("business manager", "human resources manager", "policy manager",
                    "ICT project manager", "research and development manager"), 14, "management", "management", "التدبير"),
            new Field(Sector.HEALTH, List.of("general practitioner", "specialised doctor", "epidemiologist", "pharmacologist",
                    "biomedical scientist", "pharmacist"), 12, "santé et médecine", "health and medicine", "الصحة والطب"),
            new Field(Sector.INFORMATION_TECHNOLOGY, List.of("data scientist", "software developer", "data analyst",
                    "ICT security engineer"), 12, "informatique", "information technology", "المعلوميات"),
            new Field(Sector.ENERGY, List.of("renewable energy engineer", "solar energy engineer", "energy systems engineer"),
                    6, "énergies renouvelables", "renewable energy", "الطاقات المتجددة"),
            new Field(Sector.FINANCE, List.of("economist", "financial analyst", "accountant", "statistician"), 5, "économie et finance",
                    "economics and finance", "الاقتصاد والمالية"),
            new Field(Sector.EDUCATION, List.of("higher education lecturer", "educational researcher", "university research assistant"),
                    3, "enseignement supérieur", "higher education", "التعليم العالي"));

    /**
     * Countries of residence, as weights: the FINCOME shares in tenths of a percent, "other countries" spread over a
     * few of them. The report's shares add up to 105 %, so they are used as weights (France gets 600/1050 = 57 %).
     */
    static final Map<String, Integer> COUNTRIES = orderedMap("FR", 600, "DE", 130, "CA", 100, "US", 60, "BE", 50, "GB", 50,
            "ES", 15, "NL", 15, "IT", 10, "CH", 10, "SE", 5, "AE", 5);

    static final Map<String, List<String>> CITIES = Map.ofEntries(
            Map.entry("FR", List.of("Paris", "Lyon", "Toulouse", "Lille", "Marseille", "Grenoble", "Montpellier", "Strasbourg")),
            Map.entry("DE", List.of("Berlin", "München", "Frankfurt am Main", "Düsseldorf", "Stuttgart")),
            Map.entry("CA", List.of("Montréal", "Toronto", "Ottawa", "Québec")),
            Map.entry("US", List.of("New York", "Boston", "San Francisco", "Washington", "Houston")),
            Map.entry("BE", List.of("Bruxelles", "Liège", "Antwerpen")),
            Map.entry("GB", List.of("London", "Manchester", "Edinburgh")),
            Map.entry("ES", List.of("Madrid", "Barcelona")),
            Map.entry("NL", List.of("Amsterdam", "Rotterdam")),
            Map.entry("IT", List.of("Milano", "Roma")),
            Map.entry("CH", List.of("Genève", "Zürich")),
            Map.entry("SE", List.of("Stockholm")),
            Map.entry("AE", List.of("Dubai")));

    /** Moroccan institutions of the registry that post demands, with the region (and city) of their seat; null: anywhere. */
    static final Map<String, String[]> INSTITUTIONS = Map.ofEntries(
            Map.entry("MA-UM5", new String[] {"MA-04", "Rabat"}),
            Map.entry("MA-UM5-FSR", new String[] {"MA-04", "Rabat"}),
            Map.entry("MA-ENCG-SETTAT", new String[] {"MA-06", "Settat"}),
            Map.entry("MA-FP-KHOURIBGA", new String[] {"MA-05", "Khouribga"}),
            Map.entry("MA-ENSA-ADM", new String[] {"MA-04", "Rabat"}),
            Map.entry("MA-CRTS", new String[] {"MA-04", "Rabat"}),
            Map.entry("MA-CNESTEN", new String[] {"MA-04", "Rabat"}),
            Map.entry("MA-AH2ST", new String[] {"MA-04", "Rabat"}),
            Map.entry("MA-CNRST", new String[] {"MA-04", "Rabat"}),
            Map.entry("MA-OFPPT-EMBTP-SETTAT", new String[] {"MA-06", "Settat"}),
            Map.entry("MA-INAS", new String[] {"MA-01", "Tanger"}),
            Map.entry("MA-CR-ORIENTAL", new String[] {"MA-02", "Oujda"}),
            Map.entry("MA-HCP", new String[] {null, null}),
            Map.entry("MA-MESRI", new String[] {null, null}),
            Map.entry("MA-ONE", new String[] {"MA-04", "Rabat"}));

    static final String[] REGION_CITIES = {"Tanger", "Oujda", "Fès", "Rabat", "Béni Mellal", "Casablanca", "Marrakech",
            "Errachidia", "Agadir", "Guelmim", "Laâyoune", "Dakhla"};

    /** A generated demand: the organisation code, the demand, and the status it is put in. */
    public record SyntheticDemand(String organisationCode, DemandInput input, DemandStatus status, String closeReason) {
    }

    private final EscoTaxonomy taxonomy;
    private final LocalDate reference;
    private final Map<Field, int[]> occupations = new LinkedHashMap<>();

    public SyntheticPopulation(EscoTaxonomy taxonomy, LocalDate reference) {
        this.taxonomy = taxonomy;
        this.reference = reference;
        for (Field f : FIELDS) {
            occupations.put(f, f.occupations().stream().mapToInt(this::occupation).toArray());
        }
    }

    private int occupation(String englishLabel) {
        return taxonomy.search(englishLabel, Language.EN, EscoTaxonomy.Kind.OCCUPATION, 10).stream()
                .filter(h -> englishLabel.equals(h.concept().label().en()))
                .mapToInt(h -> h.concept().index())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ESCO has no occupation labelled \"" + englishLabel + "\""));
    }

    /** {@code n} experts, countries in the FINCOME proportions (exact quotas), in a shuffled but fixed order. */
    public List<SyntheticExpert> experts(int n) {
        List<SyntheticExpert> experts = new ArrayList<>(n);
        forEachExpert(n, experts::add);
        return experts;
    }

    /** The same experts one by one, without keeping them: for populations too large to hold (benchmarks). */
    public void forEachExpert(int n, Consumer<SyntheticExpert> consumer) {
        Random random = new Random(SEED);
        List<String> countries = quotas(n);
        Collections.shuffle(countries, random);
        for (int i = 0; i < n; i++) {
            consumer.accept(expert(random, countries.get(i), i + 1));
        }
    }

    static List<String> quotas(int n) {
        List<String> countries = new ArrayList<>(n);
        int assigned = 0;
        double total = COUNTRIES.values().stream().mapToInt(Integer::intValue).sum();
        List<String> codes = new ArrayList<>(COUNTRIES.keySet());
        for (int i = 0; i < codes.size(); i++) {
            int count = i == codes.size() - 1 ? n - assigned : (int) Math.round(n * COUNTRIES.get(codes.get(i)) / total);
            count = Math.min(count, n - assigned);
            for (int k = 0; k < count; k++) {
                countries.add(codes.get(i));
            }
            assigned += count;
        }
        return countries;
    }

    private SyntheticExpert expert(Random r, String country, int number) {
        Field field = weighted(r);
        int[] fieldOccupations = occupations.get(field);
        int occupation = fieldOccupations[r.nextInt(fieldOccupations.length)];
        List<MatchingProfile.Skill> skills = new ArrayList<>();
        pick(r, skillsOf(taxonomy.essentialSkills(occupation)), 5 + r.nextInt(5), skills, r);
        pick(r, skillsOf(taxonomy.optionalSkills(occupation)), 1 + r.nextInt(3), skills, r);
        if (r.nextInt(100) < 15) {
            int other = fieldOccupations[r.nextInt(fieldOccupations.length)];
            pick(r, skillsOf(taxonomy.essentialSkills(other)), 1 + r.nextInt(2), skills, r);
        }
        List<ExpertProfile.LanguageSkill> languages = languages(r, country);
        Set<ContributionKind> contributions = EnumSet.noneOf(ContributionKind.class);
        double[] wants = {0.75, 0.5, 0.4, 0.3, 0.15, 0.1};
        for (int i = 0; i < wants.length; i++) {
            if (r.nextDouble() < wants[i]) {
                contributions.add(ContributionKind.values()[i]);
            }
        }
        if (contributions.isEmpty()) {
            contributions.add(ContributionKind.EXPERTISE_MISSION);
        }
        List<ExpertProfile.Window> windows = new ArrayList<>();
        int count = 1 + r.nextInt(2);
        for (int i = 0; i < count; i++) {
            LocalDate from = reference.plusDays(r.nextInt(300));
            windows.add(new ExpertProfile.Window(from, from.plusDays(30 + r.nextInt(121))));
        }
        windows.sort((a, b) -> a.from().compareTo(b.from()));
        Set<ConsentPurpose> consents = EnumSet.of(ConsentPurpose.PROFILE);
        if (r.nextDouble() < 0.93) {
            consents.add(ConsentPurpose.MATCHING);
            if (r.nextDouble() < 0.88) {
                consents.add(ConsentPurpose.CONTACT);
            }
        }
        if (r.nextDouble() < 0.6) {
            consents.add(ConsentPurpose.NETWORKS);
        }
        Set<VisibleField> visible = EnumSet.noneOf(VisibleField.class);
        double[] shows = {0.55, 0.4, 0.3, 0.6, 0.0, 0.2};
        for (int i = 0; i < shows.length; i++) {
            if (r.nextDouble() < shows[i]) {
                visible.add(VisibleField.values()[i]);
            }
        }
        List<String> networks = new ArrayList<>();
        double join = r.nextDouble();
        switch (country) {
            case "FR" -> {
                if (join < 0.3) {
                    networks.add("NET-FR-1");
                }
                else if (join < 0.6) {
                    networks.add("NET-FR-2");
                }
            }
            case "DE" -> addIf(networks, join < 0.4, "NET-DE");
            case "US" -> addIf(networks, join < 0.4, "NET-US");
            case "CA" -> addIf(networks, join < 0.4, "NET-CA");
            default -> {
            }
        }
        if ((field.sector() == Sector.HEALTH || field.sector() == Sector.BIOTECHNOLOGY) && r.nextDouble() < 0.25) {
            networks.add("NET-MED-BIO");
        }
        List<String> nationalities = new ArrayList<>(List.of("MA"));
        if (r.nextBoolean()) {
            nationalities.add(country);
        }
        EducationLevel education = r.nextInt(100) < 45 ? EducationLevel.DOCTORATE : r.nextInt(100) < 80 ? EducationLevel.MASTER
                : r.nextBoolean() ? EducationLevel.BACHELOR : EducationLevel.SHORT_CYCLE;
        List<String> cities = CITIES.get(country);
        List<Sector> sectors = new ArrayList<>(List.of(field.sector()));
        if (r.nextInt(100) < 20) {
            Sector extra = FIELDS.get(r.nextInt(FIELDS.size())).sector();
            if (extra != field.sector()) {
                sectors.add(extra);
            }
        }
        return new SyntheticExpert(String.format("Expert synthétique %04d", number), country,
                cities.get(r.nextInt(cities.size())), nationalities, education, field.fr(), taxonomy.get(occupation).uri(),
                3 + r.nextInt(30), sectors, List.copyOf(contributions), languages, skills, windows, consents, visible, networks);
    }

    private static void addIf(List<String> list, boolean condition, String value) {
        if (condition) {
            list.add(value);
        }
    }

    private List<ExpertProfile.LanguageSkill> languages(Random r, String country) {
        List<ExpertProfile.LanguageSkill> l = new ArrayList<>();
        int ar = r.nextInt(100);
        l.add(new ExpertProfile.LanguageSkill("ar", ar < 80 ? CefrLevel.NATIVE : ar < 90 ? CefrLevel.C1 : CefrLevel.B2));
        if (r.nextInt(100) < 50) {
            l.add(new ExpertProfile.LanguageSkill("ary", CefrLevel.NATIVE));
        }
        if (r.nextInt(100) < 15) {
            l.add(new ExpertProfile.LanguageSkill("zgh", r.nextBoolean() ? CefrLevel.NATIVE : CefrLevel.B2));
        }
        boolean francophone = Set.of("FR", "BE", "CH", "CA").contains(country);
        l.add(new ExpertProfile.LanguageSkill("fr", francophone ? (r.nextBoolean() ? CefrLevel.C2 : CefrLevel.NATIVE)
                : r.nextInt(100) < 60 ? CefrLevel.C1 : CefrLevel.B2));
        boolean anglophone = Set.of("GB", "US", "CA").contains(country);
        int en = r.nextInt(100);
        l.add(new ExpertProfile.LanguageSkill("en", anglophone ? (en < 50 ? CefrLevel.C2 : CefrLevel.C1)
                : en < 40 ? CefrLevel.B2 : en < 80 ? CefrLevel.C1 : CefrLevel.B1));
        switch (country) {
            case "DE" -> l.add(new ExpertProfile.LanguageSkill("de", r.nextBoolean() ? CefrLevel.C1 : CefrLevel.C2));
            case "BE", "NL" -> {
                if (r.nextBoolean()) {
                    l.add(new ExpertProfile.LanguageSkill("nl", r.nextBoolean() ? CefrLevel.B2 : CefrLevel.C1));
                }
            }
            case "ES" -> l.add(new ExpertProfile.LanguageSkill("es", CefrLevel.C1));
            case "IT" -> l.add(new ExpertProfile.LanguageSkill("it", CefrLevel.C1));
            case "SE" -> l.add(new ExpertProfile.LanguageSkill("sv", CefrLevel.B2));
            default -> {
            }
        }
        return l;
    }

    private int[] skillsOf(int[] concepts) {
        return Arrays.stream(concepts).filter(c -> {
            ConceptType type = taxonomy.get(c).type();
            return type == ConceptType.SKILL || type == ConceptType.KNOWLEDGE;
        }).toArray();
    }

    private void pick(Random r, int[] from, int count, List<MatchingProfile.Skill> into, Random levels) {
        if (from.length == 0) {
            return;
        }
        int[] order = from.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < Math.min(count, order.length); i++) {
            String uri = taxonomy.get(order[i]).uri();
            if (into.stream().noneMatch(s -> s.uri().equals(uri))) {
                int level = levels.nextInt(100);
                into.add(new MatchingProfile.Skill(uri, level < 5 ? SkillLevel.BASIC : level < 30 ? SkillLevel.INTERMEDIATE
                        : level < 75 ? SkillLevel.ADVANCED : SkillLevel.EXPERT));
            }
        }
    }

    private Field weighted(Random r) {
        int total = FIELDS.stream().mapToInt(Field::weight).sum();
        int x = r.nextInt(total);
        for (Field f : FIELDS) {
            x -= f.weight();
            if (x < 0) {
                return f;
            }
        }
        return FIELDS.getLast();
    }

    /** {@code n} demands of the listed institutions (codes of the registry), about 80 % published, some closed or drafts. */
    public List<SyntheticDemand> demands(int n) {
        Random r = new Random(SEED + 1);
        List<String> institutions = new ArrayList<>(INSTITUTIONS.keySet());
        Collections.sort(institutions);
        List<SyntheticDemand> demands = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String org = institutions.get(r.nextInt(institutions.size()));
            Field field = weighted(r);
            int[] fieldOccupations = occupations.get(field);
            int occupation = fieldOccupations[r.nextInt(fieldOccupations.length)];
            List<MatchingProfile.Skill> essential = new ArrayList<>();
            pick(r, skillsOf(taxonomy.essentialSkills(occupation)), 3 + r.nextInt(2), essential, r);
            List<MatchingProfile.Skill> optional = new ArrayList<>();
            pick(r, skillsOf(taxonomy.optionalSkills(occupation)), 1 + r.nextInt(2), optional, r);
            List<DemandInput.SkillInput> skills = new ArrayList<>();
            essential.forEach(s -> skills.add(new DemandInput.SkillInput(s.uri(), true)));
            optional.stream().filter(o -> essential.stream().noneMatch(e -> e.uri().equals(o.uri())))
                    .forEach(s -> skills.add(new DemandInput.SkillInput(s.uri(), false)));
            List<DemandInput.LanguageInput> languages = new ArrayList<>();
            if (r.nextInt(100) < 85) {
                languages.add(new DemandInput.LanguageInput("fr", "B2", true));
            }
            int en = r.nextInt(100);
            if (en < 25) {
                languages.add(new DemandInput.LanguageInput("en", "B2", true));
            }
            else if (en < 55) {
                languages.add(new DemandInput.LanguageInput("en", "B2", false));
            }
            if (r.nextInt(100) < 40) {
                languages.add(new DemandInput.LanguageInput("ar", "B2", false));
            }
            ContributionKind kind = List.of(ContributionKind.EXPERTISE_MISSION, ContributionKind.EXPERTISE_MISSION,
                    ContributionKind.EXPERTISE_MISSION, ContributionKind.TEACHING, ContributionKind.TEACHING,
                    ContributionKind.RESEARCH_PARTNERSHIP, ContributionKind.PROJECT).get(r.nextInt(7));
            int duration = 14 + r.nextInt(77);
            LocalDate start = reference.plusDays(30 + r.nextInt(240));
            String[] seat = INSTITUTIONS.get(org);
            int regionIndex = seat[0] == null ? r.nextInt(12) : Integer.parseInt(seat[0].substring(3)) - 1;
            String region = String.format("MA-%02d", regionIndex + 1);
            String city = seat[1] == null ? REGION_CITIES[regionIndex] : seat[1];
            int place = r.nextInt(10);
            boolean honorarium = r.nextInt(100) < 40;
            DemandInput input = new DemandInput(null, title(kind, field), description(kind, field, duration), kind.name(),
                    field.sector().name(), r.nextInt(100) < 60 ? taxonomy.get(occupation).uri() : null, skills, languages,
                    r.nextBoolean() ? (r.nextBoolean() ? 5 : 10) : null,
                    r.nextBoolean() ? (r.nextBoolean() ? "MASTER" : "DOCTORATE") : null, start.toString(),
                    start.plusDays(duration - 1L).toString(), duration, place < 7 ? "ON_SITE" : place < 9 ? "HYBRID" : "REMOTE",
                    city, region, r.nextInt(100) < 70, r.nextInt(100) < 60,
                    honorarium ? new BigDecimal(5000 + 500 * r.nextInt(51)).toPlainString() : null, honorarium ? "MAD" : null,
                    1 + r.nextInt(2), null);
            DemandStatus status = i % 12 == 5 ? DemandStatus.DRAFT : i % 9 == 4 ? DemandStatus.CLOSED : DemandStatus.PUBLISHED;
            demands.add(new SyntheticDemand(org, input, status,
                    status == DemandStatus.CLOSED ? "Demande synthétique close (mode démonstration)." : null));
        }
        return demands;
    }

    private static LocalizedText title(ContributionKind kind, Field f) {
        return switch (kind) {
            case TEACHING -> LocalizedText.of("Enseignement dans un master en " + f.fr(), "التدريس في ماستر " + f.ar(),
                    "Teaching in a master's programme in " + f.en());
            case RESEARCH_PARTNERSHIP -> LocalizedText.of("Partenariat de recherche en " + f.fr(), "شراكة بحثية في مجال " + f.ar(),
                    "Research partnership in " + f.en());
            case PROJECT -> LocalizedText.of("Appui à un projet en " + f.fr(), "دعم مشروع في مجال " + f.ar(),
                    "Support to a project in " + f.en());
            default -> LocalizedText.of("Mission d’expertise en " + f.fr(), "بعثة خبرة في مجال " + f.ar(),
                    "Expertise mission in " + f.en());
        };
    }

    private static LocalizedText description(ContributionKind kind, Field f, int days) {
        return LocalizedText.of(
                "Demande synthétique générée par le mode démonstration : un expert de la diaspora en " + f.fr() + " pour "
                        + days + " jours.",
                "طلب اصطناعي أنشأه وضع العرض التجريبي: خبير من مغاربة العالم في مجال " + f.ar() + " لمدة " + days + " يومًا.",
                "Synthetic demand generated by demo mode: a diaspora expert in " + f.en() + " for " + days + " days.");
    }

    private static Map<String, Integer> orderedMap(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
