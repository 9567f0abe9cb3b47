package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.budget.Prioritising.Candidate;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrioritisingTests {

    static final List<String> CATEGORY_RANK = List.of("NELAYAN", "PETANI", "PEDAGANG_UMKM");

    static Candidate c(String nik, String category, Integer decile, int birthYear, long cost) {
        return new Candidate(Long.parseLong(nik.substring(10)), nik, "n" + nik, category, decile, LocalDate.of(birthYear, 1, 1),
                Rupiah.of(cost));
    }

    static List<Candidate> people(int n, long seed) {
        Random random = new Random(seed);
        List<Candidate> list = new ArrayList<>();
        String[] categories = {"NELAYAN", "PETANI", "PEDAGANG_UMKM", "OJEK"};
        for (int i = 0; i < n; i++) {
            list.add(c(String.format("640203010190%04d", i), categories[random.nextInt(categories.length)],
                    random.nextInt(12) < 10 ? 1 + random.nextInt(10) : null, 1950 + random.nextInt(50), 100_000 + random.nextInt(200_000)));
        }
        return list;
    }

    @Test
    void theDefaultOrderIsDecileThenCategoryRankThenOldestThenNik() {
        List<Candidate> ranked = Prioritising.rank(List.of(
                c("6402030101900005", "PEDAGANG_UMKM", 1, 1980, 1),
                c("6402030101900004", "NELAYAN", 2, 1950, 1),
                c("6402030101900003", "NELAYAN", 1, 1990, 1),
                c("6402030101900002", "NELAYAN", 1, 1960, 1),
                c("6402030101900001", "NELAYAN", null, 1940, 1),
                c("6402030101900000", "NELAYAN", 1, 1960, 1)), Prioritising.DEFAULT_ORDER, CATEGORY_RANK);
        assertThat(ranked).extracting(Candidate::nik).containsExactly("6402030101900000", "6402030101900002", "6402030101900003",
                "6402030101900005", "6402030101900004", "6402030101900001");
    }

    @Test
    void neverExceedsTheBudgetCoversStrictlyInRankOrderAndSaysWhereTheBudgetRanOut() {
        for (long seed = 1; seed <= 50; seed++) {
            List<Candidate> all = people(300, seed);
            Rupiah budget = Rupiah.of(10_000_000 + seed * 1_234_567);
            Prioritising.Outcome o = Prioritising.choose(all, Prioritising.DEFAULT_ORDER, CATEGORY_RANK, budget);
            assertThat(o.cost()).isLessThanOrEqualTo(budget);
            assertThat(o.chosen().stream().map(x -> x.candidate().cost()).reduce(Rupiah.ZERO, Rupiah::plus)).isEqualTo(o.cost());
            // the chosen are exactly ranks 1..k, the left k+1..n: nobody ranked lower is covered before someone ranked higher
            for (int i = 0; i < o.chosen().size(); i++) {
                assertThat(o.chosen().get(i).rank()).isEqualTo(i + 1);
            }
            if (!o.left().isEmpty()) {
                assertThat(o.left().get(0).rank()).isEqualTo(o.chosen().size() + 1).isEqualTo(o.exhaustedAtRank());
                assertThat(o.cost().plus(o.left().get(0).candidate().cost())).isGreaterThan(budget);
                assertThat(o.left()).allSatisfy(l -> assertThat(l.reason()).isEqualTo("budget exhausted at rank " + o.exhaustedAtRank()));
            }
            assertThat(o.chosen().size() + o.left().size()).isEqualTo(all.size());
        }
    }

    @Test
    void theSameInputInAnyOrderGivesTheSameAnswer() {
        List<Candidate> all = people(200, 7);
        Prioritising.Outcome first = Prioritising.choose(all, Prioritising.DEFAULT_ORDER, CATEGORY_RANK, Rupiah.of(9_000_000));
        List<Candidate> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(99));
        Prioritising.Outcome again = Prioritising.choose(shuffled, Prioritising.DEFAULT_ORDER, CATEGORY_RANK, Rupiah.of(9_000_000));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aCheaperCandidateFurtherDownIsNotCoveredOnceTheBudgetRanOut() {
        Prioritising.Outcome o = Prioritising.choose(List.of(
                c("6402030101900001", "NELAYAN", 1, 1950, 600),
                c("6402030101900002", "NELAYAN", 2, 1950, 600),
                c("6402030101900003", "NELAYAN", 3, 1950, 100)), Prioritising.DEFAULT_ORDER, CATEGORY_RANK, Rupiah.of(1_000));
        assertThat(o.chosen()).extracting(x -> x.candidate().nik()).containsExactly("6402030101900001");
        assertThat(o.left()).extracting(Prioritising.Left::rank).containsExactly(2, 3);
        assertThat(o.exhaustedAtRank()).isEqualTo(2);
        assertThat(o.cost()).isEqualTo(Rupiah.of(600));
    }

    @Test
    void aBudgetOfZeroIsRefused() {
        assertThatThrownBy(() -> Prioritising.choose(List.of(), Prioritising.DEFAULT_ORDER, CATEGORY_RANK, Rupiah.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
