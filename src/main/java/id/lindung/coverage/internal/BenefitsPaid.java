package id.lindung.coverage.internal;

import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Benefits paid per region over a period: the one place coverage reads claims. The claims module is not connected
 * yet, so every region gets 0 labelled {@link #SOURCE} NOT_CONNECTED (never shown as a measured zero). At the merge
 * this reads the claims module's published view {@code claim_payment} (sum of the amounts paid between from and to,
 * grouped by {@code left(village_code, :glen)} within the scope range) and says CLAIMS.
 */
@Component
public class BenefitsPaid {

    public static final String SOURCE = "NOT_CONNECTED";

    public String source() {
        return SOURCE;
    }

    /** Benefits paid between {@code from} and {@code to} (inclusive) by group code (code prefix of {@code prefixLength}). */
    public Map<String, Rupiah> byGroup(String lo, String hi, int prefixLength, Collection<String> groups, LocalDate from, LocalDate to) {
        return Map.of();
    }
}
