package id.lindung.region;

import id.lindung.access.RegionDirectory;
import id.lindung.access.RegionScope;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads of the hierarchy. A user sees the regions inside their scope and, to place themselves, the
 * names of the regions above it; anything else answers as if it did not exist.
 */
@Service
public class Regions implements RegionDirectory {

    private static final String VISIBLE = """
            ((code >= :lo and code < :hi) or code = any(:ancestors))""";

    private final JdbcClient jdbc;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String code) {
        return jdbc.sql("select exists(select 1 from region where code = ? and active)").param(code)
                .query(Boolean.class).single();
    }

    @Override
    public boolean known(String code) {
        return jdbc.sql("select exists(select 1 from region where code = ?)").param(code).query(Boolean.class).single();
    }

    /** Any region by code, without scope: for validating references, never for showing to a user. */
    /**
     * The active region a record of a regional government belongs to (a payer, a regional regulation), checked as
     * every such form checks it: present, a region code, below the nation, inside the caller's scope (404 outside,
     * as if it did not exist) and in the current official list. Problems go to {@code problems} on field
     * {@code regionCode}; {@code required} and {@code national} are the texts naming what the record is.
     */
    public Region regionalIn(String code, RegionScope scope, String required, String example, String national,
                             List<id.lindung.platform.InputProblem> problems) {
        return regionalIn(code, scope, required, example, national, false, problems);
    }

    /**
     * As {@link #regionalIn(String, RegionScope, String, String, String, List)}; with {@code outsideIsUnknown} a region
     * outside the scope is the problem an unknown one is (REGION_UNKNOWN, same words), not a 404: a form shows it beside
     * the field and keeps what was typed, and still does not tell an unknown region from one outside the area.
     */
    public Region regionalIn(String code, RegionScope scope, String required, String example, String national,
                             boolean outsideIsUnknown, List<id.lindung.platform.InputProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(id.lindung.platform.InputProblem.of("regionCode", "REQUIRED", required));
            return null;
        }
        RegionScope asked;
        try {
            asked = RegionScope.of(code);
        } catch (IllegalArgumentException e) {
            problems.add(id.lindung.platform.InputProblem.of("regionCode", "REGION_INVALID", "regionCode '" + code.strip()
                    + "' is not a region code such as " + example));
            return null;
        }
        if (asked.isNational()) {
            problems.add(id.lindung.platform.InputProblem.of("regionCode", "REGION_INVALID", national));
            return null;
        }
        if (!scope.covers(asked) && !outsideIsUnknown) {
            throw new NotFoundException("Region " + asked.code() + " not found");
        }
        Region region = scope.covers(asked) ? lookup(asked.code()).filter(Region::active).orElse(null) : null;
        if (region == null) {
            problems.add(id.lindung.platform.InputProblem.of("regionCode", "REGION_UNKNOWN", "Region " + asked.code()
                    + " is not in the current official region list, or outside your area"));
        }
        return region;
    }

    public Optional<Region> lookup(String code) {
        return jdbc.sql("select * from region where code = ?").param(code).query(Regions::map).optional();
    }

    /** The region if the scope may see it, else {@link NotFoundException}. */
    public Region get(String code, RegionScope scope) {
        return jdbc.sql("select * from region where code = :code and " + VISIBLE)
                .paramSource(scopeParams(scope).addValue("code", code))
                .query(Regions::map).optional()
                .orElseThrow(() -> new NotFoundException("Region " + code + " not found"));
    }

    public int childCount(String code) {
        return jdbc.sql("select count(*) from region where parent_code = ? and active").param(code)
                .query(Integer.class).single();
    }

    /** Top level: the provinces the scope may see. */
    public Page<Region> provinces(RegionScope scope, int page, int size) {
        return pageOf("parent_code is null", null, scope, page, size);
    }

    /** Children of a region, in code order, one page at a time. */
    public Page<Region> children(String code, RegionScope scope, int page, int size) {
        get(code, scope);
        return pageOf("parent_code = :parent", code, scope, page, size);
    }

    private Page<Region> pageOf(String where, String parent, RegionScope scope, int page, int size) {
        int limit = Math.max(1, Math.min(size, 500));
        int offset = Math.max(0, page) * limit;
        String base = " from region where active and " + where + " and " + VISIBLE;
        var params = scopeParams(scope);
        if (parent != null) {
            params.addValue("parent", parent);
        }
        long total = jdbc.sql("select count(*)" + base).paramSource(params).query(Long.class).single();
        List<Region> items = jdbc.sql("select *" + base + " order by code limit :limit offset :offset")
                .paramSource(params.addValue("limit", limit).addValue("offset", offset))
                .query(Regions::map).list();
        return new Page<>(items, Math.max(0, page), limit, total);
    }

    /** The region and everything above it, province first (the breadcrumb). */
    public List<Region> ancestors(String code, RegionScope scope) {
        Region region = get(code, scope);
        List<String> codes = new ArrayList<>();
        int dot = code.indexOf('.');
        while (dot > 0) {
            codes.add(code.substring(0, dot));
            dot = code.indexOf('.', dot + 1);
        }
        List<Region> result = new ArrayList<>(jdbc.sql("select * from region where code = any(:codes) order by code")
                .param("codes", codes.toArray(String[]::new)).query(Regions::map).list());
        result.add(region);
        return Collections.unmodifiableList(result);
    }

    /**
     * Name search within the scope: names that start with the text first, then names containing it,
     * higher levels before lower ones. Uses the trigram index, so it stays fast at 83,762 villages.
     */
    public List<RegionMatch> search(String text, RegionScope scope, int limit) {
        String q = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (q.length() < 2) {
            return List.of();
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var params = scopeParams(scope).addValue("like", like).addValue("prefix", q)
                .addValue("limit", Math.max(1, Math.min(limit, 100)));
        List<Region> found = jdbc.sql("""
                select * from region
                where active and lower(name) like :like and code >= :lo and code < :hi
                order by (lower(name) like :prefix || '%') desc, length(code), name, code
                limit :limit""").paramSource(params).query(Regions::map).list();
        if (found.isEmpty()) {
            return List.of();
        }
        // one query for the parents' names of all matches, so a result reads "Loa Duri Ilir, Loa Janan, Kutai Kartanegara"
        List<String> parentCodes = new ArrayList<>();
        for (Region r : found) {
            for (int dot = r.code().indexOf('.'); dot > 0; dot = r.code().indexOf('.', dot + 1)) {
                parentCodes.add(r.code().substring(0, dot));
            }
        }
        var names = new java.util.HashMap<String, String>();
        jdbc.sql("select code, name from region where code = any(:codes)")
                .param("codes", parentCodes.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return found.stream().map(r -> {
            List<String> path = new ArrayList<>();
            for (int dot = r.code().lastIndexOf('.'); dot > 0; dot = r.code().lastIndexOf('.', dot - 1)) {
                path.add(names.get(r.code().substring(0, dot)));
            }
            return new RegionMatch(r, String.join(", ", path));
        }).toList();
    }

    /** Every active desa (not kelurahan) under a code: the villages that have an APBDes. */
    public long countDesa(RegionScope scope) {
        return jdbc.sql("select count(*) from region where active and kind = 'DESA' and code >= :lo and code < :hi")
                .paramSource(scopeParams(scope)).query(Long.class).single();
    }

    /** Active codes of one level inside the scope, in code order. */
    public List<Region> within(RegionScope scope, RegionLevel level) {
        return jdbc.sql("select * from region where active and level = :level and code >= :lo and code < :hi order by code")
                .paramSource(scopeParams(scope).addValue("level", level.name())).query(Regions::map).list();
    }

    /** The names of some codes in one query (the rows of a list page name their villages); unknown codes are left out. */
    public java.util.Map<String, String> names(java.util.Collection<String> codes) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        jdbc.sql("select code, name from region where code = any(:codes)")
                .param("codes", codes.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString("code"), rs.getString("name"))).list();
        return names;
    }

    static org.springframework.jdbc.core.namedparam.MapSqlParameterSource scopeParams(RegionScope scope) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("lo", scope.lo()).addValue("hi", scope.hi())
                .addValue("ancestors", scope.ancestors().toArray(String[]::new));
    }

    static Region map(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        return new Region(rs.getString("code"), rs.getString("parent_code"), RegionLevel.valueOf(rs.getString("level")),
                kind == null ? null : RegionKind.valueOf(kind), rs.getString("name"), rs.getBoolean("active"));
    }
}
