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
 */
public record RateRow(String program, String segment, String share, String riskGroup, Boolean labourIntensive,
                      BigDecimal rate, BigDecimal flat, BigDecimal baseCap, BigDecimal bandStep, BigDecimal bandMin,
                      BigDecimal bandMax) {}
