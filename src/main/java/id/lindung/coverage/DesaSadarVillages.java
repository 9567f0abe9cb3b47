package id.lindung.coverage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * Every desa of a region with its Desa Sadar Jamsostek status on a date (GET /api/v1/coverage/desa-sadar), under the
 * criterion in force on that date ({@code rule}). NIKs are masked for the roles that see them masked.
 */
@JsonPropertyOrder({"region", "date", "rule", "villages"})
public record DesaSadarVillages(String region, LocalDate date, Rule rule, List<Village> villages) {

    public enum Status {
        /** Meets the criterion. */
        SADAR,
        /** Misses by one or two people (the rule's near_miss_max), who are listed. */
        NEAR,
        /** Misses by more, or has no registered kepala desa. */
        NO
    }

    /** {@code missing}: who keeps the desa from the status (registered but not protected), empty when SADAR. */
    @JsonPropertyOrder({"code", "name", "status", "missing"})
    public record Village(String code, String name, Status status, List<Missing> missing) {}

    @JsonPropertyOrder({"nik", "name", "category"})
    public record Missing(String nik, String name, String category) {}

    /** The criterion in force on the date, with where it comes from (coverage_desa_sadar_rule). */
    public record Rule(LocalDate validFrom, List<String> requiredPresent, List<String> requiredAll,
                       List<String> shareCategories, java.math.BigDecimal shareMinPercent, int nearMissMax,
                       String regulation, String sources) {}
}
