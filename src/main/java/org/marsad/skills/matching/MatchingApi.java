package org.marsad.skills.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.marsad.platform.NotFoundException;
import org.marsad.platform.Validation;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.demands.DemandsApi;
import org.marsad.skills.experts.ExpertProfile;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching both ways: the experts who fit a demand (for its institution and ADMIN), and the published demands that
 * fit an expert (for the expert and ADMIN). Each result carries its explanation; the same input gives the same
 * ranking (ties go to the older profile or demand).
 */
@Service
public class MatchingApi {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final MatchingIndex index;
    private final DemandsApi demands;
    private final ExpertsApi experts;
    private final EscoTaxonomy taxonomy;
    private final MatchShownRepository shown;
    private final Map<Long, Compiled> compiled = new ConcurrentHashMap<>();

    MatchingApi(MatchingIndex index, DemandsApi demands, ExpertsApi experts, EscoTaxonomy taxonomy, MatchShownRepository shown) {
        this.index = index;
        this.shown = shown;
        this.demands = demands;
        this.experts = experts;
        this.taxonomy = taxonomy;
    }

    /** An expert proposed for a demand: rank, score, explanation, and the profile as the reader may see it. */
    public record Match(int rank, long expertId, double score, Explanation explanation, ExpertProfile expert) {
    }

    /** A demand that fits an expert. */
    public record DemandFit(int rank, Demand demand, double score, Explanation explanation) {
    }

    /** The best experts for a demand; what an institution is shown is recorded for the outcome figures. */
    @Transactional
    public List<Match> forDemand(long demandId, Integer limit) {
        int k = limit(limit);
        Demand demand = demands.read(demandId);
        if (!demands.canManage(demand)) {
            throw new AccessDeniedException("matches are for the demand's institution");
        }
        index.catchUp();
        CompiledDemand q = compile(demand);
        ExpertIndex current = index.index();
        List<Match> matches = new ArrayList<>();
        for (ExpertIndex.Result r : current.top(q, k, true)) {
            Explanation explanation = Scorer.explain(current.get(r.expertId()), q, true, taxonomy);
            Optional<ExpertProfile> profile = visibleProfile(r.expertId());
            if (explanation != null && profile.isPresent()) {
                matches.add(new Match(matches.size() + 1, r.expertId(), r.score(), explanation, profile.get()));
            }
        }
        if (CurrentUser.has(Role.INSTITUTION)) {
            matches.forEach(m -> shown.record(demandId, m.expertId(), m.rank()));
        }
        return matches;
    }

    public List<DemandFit> forExpert(long expertId, Integer limit) {
        int k = limit(limit);
        MarsadPrincipal me = CurrentUser.required();
        ExpertProfile profile = experts.find(expertId).orElseThrow(() -> new NotFoundException("expert", expertId));
        if (!me.has(Role.ADMIN) && (profile.userId() == null || profile.userId() != me.id())) {
            throw new NotFoundException("expert", expertId);
        }
        index.catchUp();
        ExpertVector vector = index.index().get((int) expertId);
        if (vector == null) {
            return List.of();
        }
        List<DemandFit> fits = new ArrayList<>();
        for (Demand demand : demands.published()) {
            Explanation e = Scorer.explain(vector, compile(demand), false, taxonomy);
            if (e != null) {
                fits.add(new DemandFit(0, demand, e.score(), e));
            }
        }
        fits.sort(Comparator.comparingDouble((DemandFit f) -> -f.score()).thenComparingLong(f -> f.demand().id()));
        List<DemandFit> ranked = new ArrayList<>();
        for (int i = 0; i < fits.size() && i < k; i++) {
            DemandFit f = fits.get(i);
            ranked.add(new DemandFit(i + 1, f.demand(), f.score(), f.explanation()));
        }
        return ranked;
    }

    /**
     * The current explanation of an expert for a demand, or empty when a hard filter (consent to matching, required
     * languages, availability) excludes them or nothing matches. No access check: for the module's own use.
     */
    public Optional<Explanation> explain(Demand demand, long expertId) {
        index.catchUp();
        ExpertVector vector = index.index().get((int) expertId);
        return vector == null ? Optional.empty() : Optional.ofNullable(Scorer.explain(vector, compile(demand), true, taxonomy));
    }

    /** A profile's explanation for a demand. */
    public record Ranked(long expertId, Explanation explanation) {
    }

    /**
     * For each demand, the best {@code k} of these profiles, scored in an index of their own: for demo mode, which
     * builds missions before this node's index is loaded.
     */
    public Map<Long, List<Ranked>> rank(List<Demand> demandList, List<MatchingProfile> profiles, int k) {
        ExpertIndex own = new ExpertIndex(taxonomy.size());
        own.bulkLoad(profiles.stream().map(p -> ExpertVector.of(p, taxonomy)).toList());
        Map<Long, List<Ranked>> ranked = new LinkedHashMap<>();
        for (Demand demand : demandList) {
            CompiledDemand q = CompiledDemand.of(request(demand), taxonomy);
            ranked.put(demand.id(), own.top(q, k, true).stream()
                    .map(r -> new Ranked(r.expertId(), Scorer.explain(own.get(r.expertId()), q, true, taxonomy)))
                    .toList());
        }
        return ranked;
    }

    /**
     * Records that the institution was shown this expert for the demand (the "matches" of the outcome figures); the
     * rank is null when unknown. An expert proposed for a demand has necessarily been shown.
     */
    @Transactional
    public void markShown(long demandId, long expertId, Integer rank) {
        shown.record(demandId, expertId, rank);
    }

    public MatchRequest request(Demand d) {
        return new MatchRequest(d.id(),
                d.essentialSkills().stream().map(s -> s.concept().uri()).toList(),
                d.optionalSkills().stream().map(s -> s.concept().uri()).toList(),
                d.occupation() == null ? null : d.occupation().uri(),
                d.languages().stream().map(l -> new MatchRequest.Language(l.code(), l.minLevel(), l.required())).toList(),
                d.minExperience(), d.minEducation(), d.startDate(), d.endDate(), d.contribution());
    }

    private CompiledDemand compile(Demand demand) {
        Compiled c = compiled.get(demand.id());
        if (c == null || c.version() != demand.version()) {
            c = new Compiled(demand.version(), CompiledDemand.of(request(demand), taxonomy));
            compiled.put(demand.id(), c);
        }
        return c.demand();
    }

    private Optional<ExpertProfile> visibleProfile(long expertId) {
        try {
            return Optional.of(experts.get(expertId));
        }
        catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static int limit(Integer limit) {
        int k = limit == null ? DEFAULT_LIMIT : limit;
        if (k < 1 || k > MAX_LIMIT) {
            Validation.start().reject("limit", "validation.between", 1, MAX_LIMIT).throwIfInvalid();
        }
        return k;
    }

    private record Compiled(int version, CompiledDemand demand) {
    }
}
