package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.PersonalData;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.platform.AmountJson;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One version of one programme held by a worker; {@code validTo} is exclusive and null while open. The wage is written
 * in JSON with two decimals, as the {@code numeric(18,2)} column holds it.
 */
public record MembershipTerm(long id, Programme program, Segment segment,
                             @JsonSerialize(using = AmountJson.WithSen.class) Rupiah wage, RiskGroup riskGroup,
                             String employerPayerCode, String employerPayerName, String workerPayerCode,
                             String workerPayerName, LocalDate validFrom, LocalDate validTo, EndReason endReason,
                             String createdBy) {

    /**
     * The term as {@code actor} may see it: self-payers' codes and names by {@link PersonalData}, for every reader: a
     * self-payer's name is stored with its NIK masked, so a reader who sees the whole code gets the name rebuilt from it.
     */
    public MembershipTerm shownTo(Actor actor) {
        return new MembershipTerm(id, program, segment, wage, riskGroup, PersonalData.payerCode(actor, employerPayerCode),
                PersonalData.payerName(actor, employerPayerCode, employerPayerName),
                PersonalData.payerCode(actor, workerPayerCode),
                PersonalData.payerName(actor, workerPayerCode, workerPayerName), validFrom, validTo, endReason, createdBy);
    }

    public boolean isOpen() {
        return validTo == null;
    }
}
