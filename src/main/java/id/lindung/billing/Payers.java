package id.lindung.billing;

import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.NotFoundException;
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

    RegisteredPayer get(String code, RegionScope scope) {
        return find(code).filter(p -> scope.covers(p.regionCode()))
                .orElseThrow(() -> new NotFoundException("Payer " + PersonalData.echoedPayerCode(code) + " not found"));
    }
}
