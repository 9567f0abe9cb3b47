package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NikCheckTests {

    private static final Set<String> DISTRICTS = Set.of("64.02.03", "73.02.01");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static NikCheck.Result check(String nik) {
        return NikCheck.check(nik, DISTRICTS::contains, TODAY);
    }

    private static NikCheck.Result check(String nik, char sex, LocalDate birth) {
        return NikCheck.check(nik, DISTRICTS::contains, sex, birth, TODAY);
    }

    @Test
    void aWellFormedNikOfAKnownDistrictIsValidAndDecoded() {
        var r = check("6402031708850001");
        assertThat(r.valid()).isTrue();
        assertThat(r.errors()).isEmpty();
        assertThat(r.sex()).isEqualTo('L');
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1985, 8, 17));
        assertThat(r.districtCode()).isEqualTo("64.02.03");
    }

    @Test
    void aNikMustBeExactly16Digits() {
        assertThat(check("640203170885000").hasError(NikCheck.NOT_16_DIGITS)).isTrue();
        assertThat(check("64020317088500011").hasError(NikCheck.NOT_16_DIGITS)).isTrue();
        assertThat(check("64020317088500A1").hasError(NikCheck.NOT_16_DIGITS)).isTrue();
        assertThat(check(null).hasError(NikCheck.NOT_16_DIGITS)).isTrue();
    }

    @Test
    void theFirstSixDigitsMustBeAKnownDistrict() {
        var r = check("9902031708850001");
        assertThat(r.valid()).isFalse();
        assertThat(r.hasError(NikCheck.UNKNOWN_DISTRICT)).isTrue();
        assertThat(r.districtCode()).isNull();
    }

    @Test
    void womenHaveFortyAddedToTheDayOfBirth() {
        var r = check("6402035708850001");
        assertThat(r.valid()).isTrue();
        assertThat(r.sex()).isEqualTo('P');
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1985, 8, 17));
    }

    @Test
    void digitsSevenToTwelveMustBeARealDate() {
        assertThat(check("6402033508850001").hasError(NikCheck.INVALID_DATE)).as("day 35").isTrue();
        assertThat(check("6402030008850001").hasError(NikCheck.INVALID_DATE)).as("day 00").isTrue();
        assertThat(check("6402037208850001").hasError(NikCheck.INVALID_DATE)).as("day 72").isTrue();
        assertThat(check("6402031713850001").hasError(NikCheck.INVALID_DATE)).as("month 13").isTrue();
        assertThat(check("6402033102850001").hasError(NikCheck.INVALID_DATE)).as("31 February").isTrue();
        assertThat(check("6402037102850001").hasError(NikCheck.INVALID_DATE)).as("31+40 February").isTrue();
    }

    @Test
    void theSerialMustNotBe0000() {
        var r = check("6402031708850000");
        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).extracting(NikCheck.Error::code).containsExactly(NikCheck.SERIAL_ZERO);
    }

    @Test
    void theEnteredSexMustAgreeWithTheNikAndTheErrorNamesBoth() {
        var r = check("6402031708850001", 'P', LocalDate.of(1985, 8, 17));
        assertThat(r.errors()).extracting(NikCheck.Error::code).containsExactly(NikCheck.SEX_MISMATCH);
        assertThat(r.errors().get(0).message()).contains("L").contains("P");
    }

    @Test
    void theEnteredBirthDateMustAgreeWithTheNikAndTheErrorNamesBoth() {
        var r = check("6402031708850001", 'L', LocalDate.of(1985, 8, 18));
        assertThat(r.errors()).extracting(NikCheck.Error::code).containsExactly(NikCheck.BIRTH_DATE_MISMATCH);
        assertThat(r.errors().get(0).message()).contains("1985-08-17").contains("1985-08-18");
    }

    @Test
    void theCenturyIsTheOneOfTheEnteredBirthDate() {
        assertThat(check("6402030101050001", 'L', LocalDate.of(1905, 1, 1)).valid()).isTrue();
        assertThat(check("6402030101050001", 'L', LocalDate.of(2005, 1, 1)).valid()).isTrue();
    }

    @Test
    void withoutAnEnteredDateTheCenturyIsTheLatestNotInTheFuture() {
        assertThat(check("6402030101050001").birthDate()).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(check("6402030101300001").birthDate()).isEqualTo(LocalDate.of(1930, 1, 1));
        assertThat(check("6402032902000001").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void thereIsNoCheckDigit() {
        for (int serial = 1; serial <= 9; serial++) {
            assertThat(check("640203170885000" + serial).valid()).isTrue();
        }
    }

    @Test
    void maskingShowsTheFirstSixAndLastTwoDigits() {
        assertThat(NikCheck.mask("6402031708850001")).isEqualTo("640203********01");
    }
}
