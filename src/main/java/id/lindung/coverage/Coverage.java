package id.lindung.coverage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.lindung.platform.AmountJson;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The coverage indicators of one region on one date (GET /api/v1/coverage). Every figure is defined in
 * docs/coverage.md; {@code ratio} and {@code money.lossRatio} are null where their denominator is zero or missing,
 * and the numerator and denominator are always given beside them.
 *
 * @param region          region code, {@code ID} for the nation
 * @param potential       potential workforce of the region for the date's year; null when missing ({@code potentialStatus})
 * @param potentialStatus OWN (the region's own figure), SUM_OF_CHILDREN (every region directly below has one),
 *                        MISSING (none) or PARTIAL (some regions beneath have figures, not every one down to the
 *                        villages: no denominator is given); the one definition is region.WholeWorkforce
 * @param potentialBelow  for a sum (SUM_OF_CHILDREN, PARTIAL): the regions directly below and how many of them are whole,
 *                        so a page can say why there is no ratio; null otherwise
 * @param registered      workers with a membership term valid on the date
 * @param protectedWorkers of those, workers whose JKK and JKM are PROTECTED or IN_GRACE on the date (JSON "protected")
 * @param ratio           protected / potential, 4 decimals; null when potential is missing or zero
 * @param byProgramme     per programme: workers registered in it, and protected in it (its status PROTECTED or IN_GRACE)
 */
@JsonPropertyOrder({"region", "name", "date", "potential", "potentialStatus", "potentialBelow", "registered", "protected", "ratio",
        "bySegment", "byCategory", "byPayerKind", "byProgramme", "apparatus", "desaSadar", "money", "extremePoverty"})
public record Coverage(String region, String name, LocalDate date, Long potential, String potentialStatus,
                       PotentialBelow potentialBelow, long registered, @JsonProperty("protected") long protectedWorkers, BigDecimal ratio,
                       Map<String, Count> bySegment, Map<String, Count> byCategory, Map<String, Count> byPayerKind,
                       Map<String, Count> byProgramme, Apparatus apparatus, DesaSadarCount desaSadar, Money money,
                       ExtremePoverty extremePoverty) {

    /**
     * The regions directly below a region whose denominator is a sum ({@code regions}), and how many of them have a
     * whole figure ({@code whole}); fewer than all is why a PARTIAL region has no ratio.
     */
    @JsonPropertyOrder({"regions", "whole"})
    public record PotentialBelow(int regions, int whole) {
        static PotentialBelow of(String status, int regions, int whole) {
            return "SUM_OF_CHILDREN".equals(status) || "PARTIAL".equals(status) ? new PotentialBelow(regions, whole) : null;
        }
    }

    /** Registered and protected workers of one split. */
    @JsonPropertyOrder({"registered", "protected"})
    public record Count(long registered, @JsonProperty("protected") long protectedWorkers) {
        public static final Count ZERO = new Count(0, 0);

        public Count plus(Count other) {
            return new Count(registered + other.registered, protectedWorkers + other.protectedWorkers);
        }
    }

    /**
     * Village apparatus: {@code registered}/{@code protected} count the kepala desa and perangkat desa; {@code bpd} and
     * {@code rtRw} the same for the village council and the RT/RW heads.
     */
    @JsonPropertyOrder({"registered", "protected", "bpd", "rtRw"})
    public record Apparatus(long registered, @JsonProperty("protected") long protectedWorkers, Count bpd, Count rtRw) {}

    /** Desa Sadar Jamsostek in the region on the date ({@code villages}) of all its desa ({@code desa}). */
    public record DesaSadarCount(long villages, long desa) {}

    /**
     * Contributions of the contribution months {@code from}..{@code to} (by month) as settled on {@code to}, and
     * benefits paid in the period. {@code benefitsSource} says where benefits come from: NOT_CONNECTED (the claims
     * module is not connected yet: benefitsPaid is 0, not a measured zero) or CLAIMS. {@code byPayerKind} splits billed
     * and paid by the kind of the payer each bill line is owed by (APBDES, APBD, EMPLOYER, SELF, DONOR): the Inpres
     * 2/2021 report's APBD and APBDes contributions.
     */
    @JsonPropertyOrder({"from", "to", "billed", "paid", "outstanding", "benefitsPaid", "benefitsSource", "lossRatio", "byPayerKind"})
    public record Money(LocalDate from, LocalDate to,
                        @JsonSerialize(using = AmountJson.WithSen.class) Rupiah billed,
                        @JsonSerialize(using = AmountJson.WithSen.class) Rupiah paid,
                        @JsonSerialize(using = AmountJson.WithSen.class) Rupiah outstanding,
                        @JsonSerialize(using = AmountJson.WithSen.class) Rupiah benefitsPaid,
                        String benefitsSource, BigDecimal lossRatio, Map<String, PayerKindMoney> byPayerKind) {}

    /** Contributions billed and paid of the lines owed by payers of one kind. */
    public record PayerKindMoney(@JsonSerialize(using = AmountJson.WithSen.class) Rupiah billed,
                                 @JsonSerialize(using = AmountJson.WithSen.class) Rupiah paid) {

        public static final PayerKindMoney NONE = new PayerKindMoney(Rupiah.ZERO, Rupiah.ZERO);
    }

    /**
     * Workers whose household is flagged extreme poor (P3KE/DTKS, Inpres 4/2022) in the registry: all flagged, and by
     * welfare decile ("1".."10", "UNKNOWN" when the flag has no decile).
     */
    public record ExtremePoverty(Count flagged, Map<String, Count> byDecile) {}

    /** {@code numerator / denominator} to 4 decimals (half up), or null when the denominator is missing or zero. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }
}
