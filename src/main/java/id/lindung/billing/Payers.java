package id.lindung.billing;

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

    /**
     * {@link #get(String, RegionScope)} for a reader: a self-payer's code ({@code SELF:<nik>}) names a NIK, so for a role
     * that sees NIKs masked it answers exactly as an unknown code (docs/privacy.md).
     */
    RegisteredPayer get(String code, id.lindung.access.Actor actor) {
        if (code.strip().toUpperCase(java.util.Locale.ROOT).startsWith("SELF") && !id.lindung.access.PersonalData.mayAddressByNik(actor)) {
            throw new NotFoundException("Payer " + code + " not found");
        }
        return get(code, actor.scope());
    }

    RegisteredPayer get(String code, RegionScope scope) {
        return find(code).filter(p -> scope.covers(p.regionCode()))
                .orElseThrow(() -> new NotFoundException("Payer " + code + " not found"));
    }
}
