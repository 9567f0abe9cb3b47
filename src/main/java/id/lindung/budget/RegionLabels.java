package id.lindung.budget;

import id.lindung.access.RegionScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A region as the budget's pages and documents name it: "Kec. Loa Janan, Kabupaten Kutai Kartanegara" for 64.02.03,
 * "Desa Bakungan, Kec. Loa Janan, Kabupaten Kutai Kartanegara" for a desa, a province by its name. A DPMD officer or a
 * village head reads names, not codes; the code stays beside it as secondary text. Read from the region module's
 * published view {@code region_area}, one query per label. A code the region list does not know is shown as it is.
 */
@Component("budgetRegions")
public class RegionLabels {

    private final JdbcClient jdbc;

    RegionLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region's name with its district and regency (not the province: the regency already places it). */
    public String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        if (RegionScope.NATIONAL_CODE.equals(code)) {
            return "Indonesia";
        }
        List<String> codes = new ArrayList<>();
        codes.add(code);
        for (int dot = code.lastIndexOf('.'); dot > 0; dot = code.lastIndexOf('.', dot - 1)) {
            codes.add(code.substring(0, dot));
        }
        record Named(String level, String kind, String name) {}
        Map<String, Named> named = new HashMap<>();
        jdbc.sql("select code, level, kind, name from region_area where code = any(:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> named.put(rs.getString(1), new Named(rs.getString(2), rs.getString(3), rs.getString(4)))).list();
        if (!named.containsKey(code)) {
            return code;
        }
        List<String> parts = new ArrayList<>();
        for (String c : codes) {
            Named r = named.get(c);
            if (r == null || ("PROVINCE".equals(r.level()) && parts.size() >= 2)) {
                continue;
            }
            parts.add(switch (r.level()) {
                case "DISTRICT" -> "Kec. " + r.name();
                case "VILLAGE" -> ("KELURAHAN".equals(r.kind()) ? "Kel. " : "Desa ") + r.name();
                default -> r.name();
            });
        }
        return String.join(", ", parts);
    }
}
