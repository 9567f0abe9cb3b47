package id.lindung.coverage.web;

import id.lindung.access.AuditLog;
import id.lindung.coverage.DesaSadarVillages;
import java.util.Locale;
import java.util.Map;

/**
 * The Desa Sadar list names the people a desa misses (with whole NIKs for unmasked roles): handed out as a download or
 * read through the API, it is a disclosure of personal data the audit trail accounts for, one EXPORT entry of
 * {@code desa_sadar_list} per list, whatever the channel.
 */
final class DesaSadarDisclosure {

    private DesaSadarDisclosure() {}

    static void audit(AuditLog audit, DesaSadarVillages list, String format) {
        long people = list.villages().stream().mapToLong(v -> v.missing().size()).sum();
        audit.exported("desa_sadar_list", list.region() + "@" + list.date(), list.region(),
                Map.of("format", format.toLowerCase(Locale.ROOT), "villages", list.villages().size(), "people", people));
    }
}
