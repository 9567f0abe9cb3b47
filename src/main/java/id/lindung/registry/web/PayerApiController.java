package id.lindung.registry.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.platform.Page;
import id.lindung.registry.Payer;
import id.lindung.registry.PayerKind;
import id.lindung.registry.PayerRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/payers")
@Tag(name = "Pembayar / Payers", description = "The payer register: village, regency and province governments, employers, donors")
class PayerApiController {

    private final PayerRegister register;
    private final CurrentActor currentActor;

    PayerApiController(PayerRegister register, CurrentActor currentActor) {
        this.register = register;
        this.currentActor = currentActor;
    }

    record PayerPageJson(List<Payer> items, int page, int size, long total) {}

    record CreateRequest(String kind, String name, String regionCode, String contactPerson, String phone, String email,
                         String address) {}

    /**
     * The fields a PATCH changes. The payer's other fields ({@link Payer}) are its identity and history: a client that
     * sends back the payer it read has them ignored, not refused (any other unknown field is 400 UNKNOWN_FIELD).
     */
    @JsonIgnoreProperties({"code", "kind", "regionCode", "regionName", "createdAt", "updatedAt"})
    record ChangeRequest(String name, String contactPerson, String phone, String email, String address) {}

    @GetMapping
    @Operation(summary = "Payers in your scope (no SELF payers), in region order; kind=APBDES|APBD|EMPLOYER|DONOR, "
            + "region narrows the scope, q searches names and code prefixes")
    PayerPageJson list(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "50") int size) {
        Actor actor = currentActor.get();
        Page<Payer> result = register.list(new PayerRegister.Query(kind == null || kind.isBlank() ? null : PayerKind.parse(kind, "kind"),
                region, q), actor.scope(), page, size);
        return new PayerPageJson(result.items().stream().map(p -> p.shownTo(actor)).toList(), result.page(), result.size(),
                result.total());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One payer by code, e.g. APBDES:64.02.03.2007, APBD:64.02 or EMPLOYER:64.02.03.2007:CV MAJU JAYA")
    Payer get(@PathVariable String code) {
        Actor actor = currentActor.get();
        return register.get(code, actor.scope()).shownTo(actor);
    }

    @PostMapping
    @Operation(summary = "Register an employer or donor in a region of your scope; its code is KIND:<region>:<NAME>")
    ResponseEntity<Payer> create(@RequestBody CreateRequest r) {
        Payer created = register.create(new PayerRegister.NewPayer(
                r.kind() == null || r.kind().isBlank() ? null : PayerKind.named(r.kind(), "kind"), r.name(), r.regionCode(),
                new PayerRegister.Contact(r.contactPerson(), r.phone(), r.email(), r.address())));
        URI location = UriComponentsBuilder.fromPath("/api/v1/payers/{code}").buildAndExpand(created.code()).encode().toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PatchMapping("/{code}")
    @Operation(summary = "Change a payer's contact (absent fields stay, empty ones are cleared) or an employer's or donor's name")
    Payer update(@PathVariable String code, @RequestBody ChangeRequest r) {
        return register.update(code, new PayerRegister.Changes(r.name(), r.contactPerson(), r.phone(), r.email(), r.address()));
    }
}
