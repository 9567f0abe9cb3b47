package id.lindung.access;

import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of the hierarchy a user may see: a region code and everything under it, or {@code ID} for
 * the whole country.
 *
 * <p>Region codes sort in the C collation, so the scope is the half-open range [{@link #lo()},
 * {@link #hi()}): for {@code 64.02} that is {@code '64.02' <= code < '64.02/'}, because '/' is the
 * character after '.'. Every scoped query uses this range on an indexed code column.
 */
public record RegionScope(String code) {

    public static final String NATIONAL_CODE = "ID";
    public static final RegionScope NATIONAL = new RegionScope(NATIONAL_CODE);
    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

    public RegionScope {
        if (code == null || !(NATIONAL_CODE.equals(code) || REGION_CODE.matcher(code).matches())) {
            throw new IllegalArgumentException("Invalid region scope '" + code
                    + "': expected ID or a region code such as 64 / 64.02 / 64.02.03 / 64.02.03.2007");
        }
    }

    public static RegionScope of(String code) {
        return new RegionScope(code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public boolean isNational() {
        return NATIONAL_CODE.equals(code);
    }

    /** Inclusive lower bound of the codes in scope. */
    public String lo() {
        return isNational() ? "" : code;
    }

    /** Exclusive upper bound of the codes in scope. */
    public String hi() {
        return isNational() ? "~" : code + "/";
    }

    public boolean covers(String regionCode) {
        if (regionCode == null) {
            return false;
        }
        return isNational() || regionCode.equals(code) || regionCode.startsWith(code + ".");
    }

    /** True when {@code other} lies entirely inside this scope. */
    public boolean covers(RegionScope other) {
        return isNational() || (!other.isNational() && covers(other.code()));
    }

    /**
     * The area a list's {@code region} filter names, inside this scope: blank is the whole scope; text that is no region
     * code is {@code REGION_INVALID} (400, the caller mistyped); a code outside the scope is not found (404), answered
     * as a code that does not exist, so a caller learns nothing of regions beyond its own.
     */
    public RegionScope narrow(String region) {
        if (region == null || region.isBlank()) {
            return this;
        }
        RegionScope asked;
        try {
            asked = of(region);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("region", "REGION_INVALID", "region '" + InputProblem.shown(region.strip())
                    + "' is not a region code such as 64.02 or 64.02.03");
        }
        if (!covers(asked)) {
            throw new NotFoundException("Region " + asked.code() + " not found");
        }
        return asked;
    }

    /**
     * {@link #narrow(String)}, and a well-formed code that is no official region is not found either (404), never an
     * empty list: docs/api-errors.md, "a region code outside the caller's scope, or one that does not exist, is 404".
     */
    public RegionScope narrow(String region, RegionDirectory regions) {
        RegionScope asked = narrow(region);
        // retired codes stay listable: their workers and payers keep them until moved (RegionDirectory.known)
        if (asked != this && !asked.isNational() && !regions.known(asked.code())) {
            throw new NotFoundException("Region " + asked.code() + " not found");
        }
        return asked;
    }

    /** The codes above the scope (province first), which a user may name but not open. */
    public List<String> ancestors() {
        List<String> result = new ArrayList<>();
        if (isNational()) {
            return result;
        }
        int dot = code.indexOf('.');
        while (dot > 0) {
            result.add(code.substring(0, dot));
            dot = code.indexOf('.', dot + 1);
        }
        return result;
    }

    @Override
    public String toString() {
        return code;
    }
}
