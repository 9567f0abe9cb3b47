package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.coverage.DesaSadarVillages.Status;
import id.lindung.coverage.internal.DesaSadarRule;
import id.lindung.coverage.internal.DesaSadarRule.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesaSadarRuleTests {

    static final DesaSadarRule APPARATUS = new DesaSadarRule(LocalDate.of(2017, 1, 1), List.of("KEPALA_DESA"),
            List.of("KEPALA_DESA", "PERANGKAT_DESA"), List.of(), BigDecimal.ZERO, 2, "BPJS", "S118");
    /** A later rule of the kind the issue foresees: also at least half of BPD and RT/RW. */
    static final DesaSadarRule WITH_SHARE = new DesaSadarRule(LocalDate.of(2027, 1, 1), List.of("KEPALA_DESA"),
            List.of("KEPALA_DESA", "PERANGKAT_DESA"), List.of("BPD", "RT_RW"), new BigDecimal("50"), 2, "BPJS", "S118");

    static Person kades(boolean covered) {
        return new Person("KEPALA_DESA", covered, "1806010101880001", "Kades");
    }

    static Person perangkat(boolean covered, String name) {
        return new Person("PERANGKAT_DESA", covered, "1806010101880002", name);
    }

    @Test
    void aDesaWhoseKepalaDesaAndEveryRegisteredPerangkatAreProtectedIsSadar() {
        var verdict = APPARATUS.judge(List.of(kades(true), perangkat(true, "Sekdes"), perangkat(true, "Kaur"),
                new Person("RT_RW", false, "x", "RT 01"), new Person("PETANI", false, "y", "Petani")));
        assertThat(verdict.status()).isEqualTo(Status.SADAR);
        assertThat(verdict.missing()).isEmpty();
    }

    @Test
    void oneOrTwoUnprotectedOfficialsMakeANearMissThatNamesThem() {
        var one = APPARATUS.judge(List.of(kades(true), perangkat(false, "Sekdes"), perangkat(true, "Kaur")));
        assertThat(one.status()).isEqualTo(Status.NEAR);
        assertThat(one.misses()).isEqualTo(1);
        assertThat(one.missing()).extracting(Person::name).containsExactly("Sekdes");
        var two = APPARATUS.judge(List.of(kades(false), perangkat(false, "Sekdes"), perangkat(true, "Kaur")));
        assertThat(two.status()).isEqualTo(Status.NEAR);
        assertThat(two.missing()).extracting(Person::name).containsExactly("Kades", "Sekdes");
    }

    @Test
    void threeMissesOrNoRegisteredKepalaDesaIsNo() {
        assertThat(APPARATUS.judge(List.of(kades(false), perangkat(false, "A"), perangkat(false, "B"))).status()).isEqualTo(Status.NO);
        assertThat(APPARATUS.judge(List.of(perangkat(true, "A"), perangkat(true, "B"))).status()).isEqualTo(Status.NO);
        assertThat(APPARATUS.judge(List.of()).status()).isEqualTo(Status.NO);
    }

    @Test
    void aShareCriterionCountsThePeopleStillNeededAndListsTheUnprotected() {
        List<Person> council = List.of(new Person("BPD", true, "a", "BPD 1"), new Person("BPD", false, "b", "BPD 2"),
                new Person("RT_RW", false, "c", "RT 1"), new Person("RT_RW", false, "d", "RT 2"));
        var withShare = new java.util.ArrayList<>(council);
        withShare.add(kades(true));
        // 50% of 4 is 2 protected: 1 is, so 1 more is needed
        var verdict = WITH_SHARE.judge(withShare);
        assertThat(verdict.status()).isEqualTo(Status.NEAR);
        assertThat(verdict.misses()).isEqualTo(1);
        assertThat(verdict.missing()).extracting(Person::name).containsExactly("BPD 2", "RT 1", "RT 2");
        // the same village under the rule of 2017 is Sadar
        assertThat(APPARATUS.judge(withShare).status()).isEqualTo(Status.SADAR);
    }
}
