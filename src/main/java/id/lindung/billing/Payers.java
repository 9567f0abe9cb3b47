package id.lindung.billing;

import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.PayerCode;
import id.lindung.registry.PayerRegister;
import id.lindung.registry.RegisteredPayer;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Looks payers up by their public code in the registry's register, inside the caller's scope (outside is 404). */
@Component
class Payers {

    private final PayerRegister register;

    Payers(PayerRegister register) {
        this.register = register;
    }

    Optional<RegisteredPayer> find(String code) {
        return register.lookup(code);
    }

    /**
     * The payer of {@code code} in {@code scope}: 400 {@code PAYER_CODE_INVALID} when the text is no payer code at all
     * (it can name no payer anywhere, so saying "not found" would hide the typing mistake), 404 when no payer in scope
     * has it.
     */
    RegisteredPayer get(String code, RegionScope scope) {
        if (code == null || code.isBlank()) {
            // an empty ?payer= is a payer not given, as a missing one is
            throw new InvalidInputException("payer", "REQUIRED", "payer is required");
        }
        if (PayerCode.tryRead(code).isEmpty()) {
            throw new InvalidInputException("payer", "PAYER_CODE_INVALID",
                    "'" + PersonalData.echoedPayerCode(code) + "' is not a payer code");
        }
        return find(code).filter(p -> scope.covers(p.regionCode()))
                .orElseThrow(() -> PersonalData.payerNotFound(code));
    }
}
