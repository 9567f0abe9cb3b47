package id.lindung.billing.web;

import id.lindung.access.CurrentActor;
import id.lindung.billing.FinePayments;
import id.lindung.billing.Payments;
import id.lindung.registry.PayerCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Late fines paid ({@link FinePayments}): money the payer names as paying its fines, kept apart from contribution
 * payments so neither pays the other (decision 0003, amendment "Fines paid"; docs/rounding.md "Which fines a bill shows").
 */
@RestController
@RequestMapping("/api/v1/fine-payments")
@Tag(name = "Tagihan & pembayaran / Billing", description = "Monthly bills per payer, payments, arrears, protection")
class FinePaymentApiController {

    private final FinePayments fines;
    private final CurrentActor actor;

    FinePaymentApiController(FinePayments fines, CurrentActor actor) {
        this.fines = fines;
        this.actor = actor;
    }

    /** A fine payment as sent: the fields of a payment, without paying ahead (a fine is paid after it accrued). */
    record FineRequest(String payer, String reference, LocalDate date, BigDecimal amount, String channel) {}

    record FinePaymentView(long id, PayerCode payer, String reference, LocalDate date, BigDecimal amount, String channel,
                           boolean reversed, String reversalReason, boolean duplicate) {
        static FinePaymentView of(FinePayments.FinePayment f) {
            return new FinePaymentView(f.id(), f.payer(), f.reference(), f.date(), f.amount().toNumber(), f.channel(),
                    f.reversed(), f.reversalReason(), f.duplicate());
        }
    }

    @Operation(summary = "Record a payment of late fines (ADMIN, DPMD, VILLAGE_OPERATOR, BPJS_OFFICER); at most the fines owed on "
            + "its date (422 FINE_ABOVE_OUTSTANDING); the same payer and reference twice stores one (200 with duplicate=true)")
    @PostMapping
    ResponseEntity<FinePaymentView> record(@RequestBody FineRequest request) {
        var result = fines.record(new Payments.PaymentRequest(request.payer(), request.reference(), request.date(), request.amount(),
                request.channel()), actor.get());
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(FinePaymentView.of(result));
    }

    @Operation(summary = "A payer's fine payments, newest first, reversed ones with their reason")
    @GetMapping
    List<FinePaymentView> list(@RequestParam String payer) {
        BillingApiController.requireAddressable(payer, actor.get());
        return fines.of(payer, actor.get()).stream().map(FinePaymentView::of).toList();
    }

    @Operation(summary = "Reverse a wrong fine payment (ADMIN, BPJS_OFFICER), with a reason; the fines it paid are owed again")
    @PostMapping("/{id}/reversal")
    ResponseEntity<Void> reverse(@PathVariable long id, @RequestBody BillingApiController.ReversalRequest request) {
        fines.reverse(id, request.reason(), actor.get());
        return ResponseEntity.noContent().build();
    }
}
