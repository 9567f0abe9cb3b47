package id.lindung.claim;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.lindung.shared.Rupiah;
import java.time.Instant;
import java.time.LocalDate;

/** A row of the case list ({@code GET /api/v1/claims}); the NIK as the reader may see it. */
public record ClaimSummary(long id, String nik, String workerName, String region, @JsonProperty("case") ClaimType type,
                           LocalDate incidentDate, ClaimStatus status, boolean eligible, Rupiah total, Instant statusSince,
                           boolean overdue) {}
