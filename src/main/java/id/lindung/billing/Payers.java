package id.lindung.billing;

import id.lindung.access.RegionScope;
import id.lindung.platform.NotFoundException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks payers up by their public code, inside the caller's scope (outside is 404). */
@Component
class Payers {

    private final JdbcClient jdbc;

    Payers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PayerRef> find(String code) {
        return jdbc.sql("select id, code, kind, name, region_code from registry_payer where code = ?").param(code.trim())
                .query((rs, n) -> new PayerRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    PayerRef get(String code, RegionScope scope) {
        return find(code).filter(p -> scope.covers(p.regionCode()))
                .orElseThrow(() -> new NotFoundException("Payer " + code + " not found"));
    }
}
