package id.lindung.coverage.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.billing.Escalations;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard shows at most {@link DashboardPageController#SHOWN} villages in arrears, the longest in arrears first and
 * the largest debt first among equals; the heading counts them all and the downloads hold them all.
 */
class DashboardArrearsShownTests {

    private static Escalations.Escalation village(int i, int months, long outstanding) {
        return new Escalations.Escalation("APBDES:64.02.03." + (2000 + i), "Desa " + i, "64.02.03." + (2000 + i), months,
                Rupiah.of(outstanding), LocalDate.of(2026, 12 - months, 15), "APBDES", "64.02", "Kutai Kartanegara");
    }

    @Test
    void theDashboardShowsTheTwentyVillagesLongestInArrearsTheLargestDebtFirstAmongEquals() {
        List<Escalations.Escalation> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(village(i, 2 + i % 5, 1_000_000L + 1_000L * i));
        }
        List<Escalations.Escalation> shown = DashboardPageController.worst(all, DashboardPageController.SHOWN);
        assertThat(shown).hasSize(20);
        // 12 villages each at 6, 5, 4... months: the twelve at six months, then the eight largest at five
        assertThat(shown.subList(0, 12)).allMatch(e -> e.monthsInArrears() == 6);
        assertThat(shown.subList(12, 20)).allMatch(e -> e.monthsInArrears() == 5);
        assertThat(shown.get(0).payerName()).isEqualTo("Desa 59");
        assertThat(shown.get(12).payerName()).isEqualTo("Desa 58");
        assertThat(DashboardPageController.worst(all.subList(0, 3), 20)).hasSize(3);
    }
}
