package id.lindung.registry;

import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One version of one programme held by a worker; {@code validTo} is exclusive and null while open. */
public record MembershipTerm(long id, Programme program, Segment segment, BigDecimal wage, RiskGroup riskGroup,
                             String employerPayerCode, String employerPayerName, String workerPayerCode,
                             String workerPayerName, LocalDate validFrom, LocalDate validTo, EndReason endReason,
                             String createdBy) {

    public boolean isOpen() {
        return validTo == null;
    }
}
