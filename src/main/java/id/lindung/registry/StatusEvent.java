package id.lindung.registry;

import java.time.LocalDate;

/** One entry of a worker's status history. */
public record StatusEvent(String status, String reason, LocalDate effectiveOn, String villageCode, String createdBy) {}
