package id.lindung.budget;

import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Whom a fixed budget covers for the year (docs/budget.md, "Ordering"): candidates ranked by a transparent ordering, then
 * covered strictly in rank order while the running cost stays within the budget. The first candidate that does not fit
 * exhausts the budget: everyone from that rank on is left out, even if a cheaper one further down would fit, so the rule
 * never skips the more vulnerable for the cheaper. Ties are broken by NIK, so the same input always gives the same
 * answer. Pure.
 */
public final class Prioritising {

    /** What the ordering compares, in the order given. */
    public enum Criterion {
        /** The household's P3KE/DTKS welfare decile, poorest first; unknown after every known decile. */
        P3KE_DECILE,
        /** The payer's rank of the worker's category (e.g. fishers and farmers before traders); unranked last. */
        CATEGORY,
        /** The oldest first; unknown birth date last. */
        OLDEST;

        public static Optional<Criterion> parse(String text) {
            try {
                return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.empty();
            }
        }
    }

    /** The default ordering: extreme-poverty decile ascending, then the payer's category rank, then the oldest. */
    public static final List<Criterion> DEFAULT_ORDER = List.of(Criterion.P3KE_DECILE, Criterion.CATEGORY, Criterion.OLDEST);

    public record Candidate(long workerId, String nik, String name, String category, Integer decile, LocalDate birthDate,
                            Rupiah cost) {}

    public record Chosen(Candidate candidate, int rank) {}

    public record Left(Candidate candidate, int rank, int exhaustedAtRank) {
        /** "budget exhausted at rank 213". */
        public String reason() {
            return "budget exhausted at rank " + exhaustedAtRank;
        }
    }

    /** @param exhaustedAtRank the rank of the first candidate the budget could not cover; 0 when everyone fits */
    public record Outcome(List<Chosen> chosen, List<Left> left, Rupiah cost, int exhaustedAtRank) {}

    private Prioritising() {}

    /** The candidates in rank order. */
    public static List<Candidate> rank(List<Candidate> candidates, List<Criterion> order, List<String> categoryRank) {
        Map<String, Integer> categoryIndex = IntStream.range(0, categoryRank.size()).boxed()
                .collect(Collectors.toMap(categoryRank::get, i -> i, (a, b) -> a));
        Comparator<Candidate> comparator = Comparator.comparingInt(c -> 0);
        for (Criterion criterion : order) {
            comparator = comparator.thenComparing(switch (criterion) {
                case P3KE_DECILE -> Comparator.comparing((Candidate c) -> c.decile() == null ? Integer.MAX_VALUE : c.decile());
                case CATEGORY -> Comparator.comparing((Candidate c) -> categoryIndex.getOrDefault(c.category(), Integer.MAX_VALUE));
                case OLDEST -> Comparator.comparing(Candidate::birthDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));
            });
        }
        comparator = comparator.thenComparing(Candidate::nik).thenComparingLong(Candidate::workerId);
        return candidates.stream().sorted(comparator).toList();
    }

    /** Covers the ranked candidates strictly in order within {@code budget} (which must be more than zero). */
    public static Outcome choose(List<Candidate> candidates, List<Criterion> order, List<String> categoryRank, Rupiah budget) {
        if (!budget.isGreaterThan(Rupiah.ZERO)) {
            throw new IllegalArgumentException("the budget must be more than zero");
        }
        List<Candidate> ranked = rank(candidates, order, categoryRank);
        List<Chosen> chosen = new ArrayList<>();
        List<Left> left = new ArrayList<>();
        Rupiah cost = Rupiah.ZERO;
        int exhausted = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            int rank = i + 1;
            if (exhausted == 0 && !cost.plus(c.cost()).isGreaterThan(budget)) {
                cost = cost.plus(c.cost());
                chosen.add(new Chosen(c, rank));
            } else {
                if (exhausted == 0) {
                    exhausted = rank;
                }
                left.add(new Left(c, rank, exhausted));
            }
        }
        return new Outcome(List.copyOf(chosen), List.copyOf(left), cost, exhausted);
    }

    /** Adds the criterion {@code text} names to {@code order}, or its problem (UNKNOWN_ORDER) to {@code problems}. */
    static void parseInto(String text, List<Criterion> order, List<id.lindung.platform.InputProblem> problems) {
        Optional<Criterion> c = Criterion.parse(text);
        if (c.isEmpty()) {
            problems.add(id.lindung.platform.InputProblem.of("order", "UNKNOWN_ORDER",
                    // not "; expected ...": that tail is read as a kind of value and came back in Indonesian answers as
                    // "Seharusnya P3KE_DECILE, CATEGORY or OLDEST", an English "or" (audit of issue 15)
                    "Unknown ordering criterion '" + id.lindung.platform.InputProblem.shown(text) + "': use P3KE_DECILE, CATEGORY or OLDEST"));
        } else if (!order.contains(c.get())) {
            order.add(c.get());
        }
    }

    /** The names of the criteria, for storing and showing. */
    public static List<String> names(List<Criterion> order) {
        return order.stream().map(Enum::name).toList();
    }

}
