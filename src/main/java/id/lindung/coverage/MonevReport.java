package id.lindung.coverage;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.lindung.platform.AmountJson;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The Inpres 2/2021 monitoring and evaluation report of a province or regency for a semester (issue 14): every figure
 * is the coverage module's own (the same as GET /api/v1/coverage on {@code asOf}), by child region.
 *
 * @param semester      "2025-1" (January-June) or "2025-2" (July-December)
 * @param from          the semester's first day
 * @param asOf          the semester's last day, or today while the semester runs
 * @param previousAsOf  the previous semester's last day, the base of every change
 * @param total         the region itself (the totals row)
 * @param children      each child region, in code order
 * @param contributions APBD and APBDes contributions of the semester's months, per child and in total
 * @param desaSadar     the Desa Sadar Jamsostek villages on {@code asOf}
 * @param claims        claims and benefits paid in the semester, with the loss ratio
 * @param regulations   regional regulations in force on some day of the semester
 */
public record MonevReport(String region, String name, String level, String semester, LocalDate from, LocalDate asOf,
                          LocalDate previousAsOf, Row total, List<Row> children, List<Contribution> contributions,
                          Contribution contributionTotal, List<DesaSadarVillages.Village> desaSadar, Claims claims,
                          List<LocalRegulation> regulations) {

    /**
     * One region's coverage on {@code asOf} and on the previous semester's end.
     *
     * @param ratio          protected / potential (4 decimals), null without a potential
     * @param previousRegistered registered on the previous semester's end; null when there is none under the
     *                       programmes (2015-2), rather than a 0 that was never counted
     * @param previousProtected  protected on the previous semester's end; null likewise
     * @param previousRatio  the same on the previous semester's end
     * @param change         ratio - previousRatio in percentage points (2 decimals), null when either is missing
     */
    public record Row(String code, String name, Long potential, long registered,
                      @JsonProperty("protected") long protectedWorkers, BigDecimal ratio, Long previousRegistered,
                      Long previousProtected, BigDecimal previousRatio, BigDecimal change, long apparatusRegistered,
                      long apparatusProtected, long bpdRegistered, long bpdProtected, long rtRwRegistered,
                      long rtRwProtected, long desaSadar, long desa) {}

    /** Contributions billed to and paid by the regional (APBD) and village (APBDes) budgets for one region's workers. */
    public record Contribution(String code, String name,
                               @JsonSerialize(using = AmountJson.WithSen.class) Rupiah apbdBilled,
                               @JsonSerialize(using = AmountJson.WithSen.class) Rupiah apbdPaid,
                               @JsonSerialize(using = AmountJson.WithSen.class) Rupiah apbdesBilled,
                               @JsonSerialize(using = AmountJson.WithSen.class) Rupiah apbdesPaid) {}

    /**
     * Claims of the semester. {@code benefitsSource} NOT_CONNECTED: the claims module is not connected yet, so the
     * counts and amounts are zero by construction, not measured.
     */
    public record Claims(long claims, @JsonSerialize(using = AmountJson.WithSen.class) Rupiah benefitsPaid,
                         @JsonSerialize(using = AmountJson.WithSen.class) Rupiah contributionsPaid, String benefitsSource,
                         BigDecimal lossRatio) {}
}
