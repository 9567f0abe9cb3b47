package id.lindung.billing;

import java.math.BigDecimal;

/**
 * One share of one programme for one kind of membership in a month, as the contribution rules give it.
 * The billing run applies these rows to every active membership term in one SQL statement.
 *
 * @param riskGroup        JKK risk group the row applies to, or null for any
 * @param labourIntensive  true/false to apply only to such employers, or null for any
 * @param rate             fraction of the base (0.0024 for 0.24%); ignored when {@code flat} is set
 * @param flat             a fixed amount (BPU JKM), or null
 * @param baseCap          the base is min(wage, cap) (JP wage cap), or null
 * @param bandStep         BPU declared income is rounded down to a multiple of this, or null
 * @param bandMin          lowest basis for BPU, or null
 * @param bandMax          highest basis for BPU, or null
 * @param relief           in a PP 49/2020 relief month: true for the payers the relief applies to, false for the others
 *                         (full rates); null outside the relief and for programmes it does not touch
 * @param fullRate         JP in the relief: the rate without the deferral, so the line records the deferred part; else null
 */
public record RateRow(String program, String segment, String share, String riskGroup, Boolean labourIntensive,
                      BigDecimal rate, BigDecimal flat, BigDecimal baseCap, BigDecimal bandStep, BigDecimal bandMin,
                      BigDecimal bandMax, Boolean relief, BigDecimal fullRate) {

    RateRow(String program, String segment, String share, String riskGroup, Boolean labourIntensive,
            BigDecimal rate, BigDecimal flat, BigDecimal baseCap, BigDecimal bandStep, BigDecimal bandMin, BigDecimal bandMax) {
        this(program, segment, share, riskGroup, labourIntensive, rate, flat, baseCap, bandStep, bandMin, bandMax, null, null);
    }

    RateRow withRelief(boolean applies, BigDecimal full) {
        return new RateRow(program, segment, share, riskGroup, labourIntensive, rate, flat, baseCap, bandStep, bandMin, bandMax,
                applies, full);
    }
}
