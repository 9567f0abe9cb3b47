package id.lindung.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered worker as stored. {@code nik} is the full NIK: show it only through {@link id.lindung.access.PersonalData}.
 * {@code publicId} is the opaque id that links and API calls use, so that no URL carries a NIK.
 */
public record Worker(long id, String nik, String fullName, String sex, LocalDate birthDate, String villageCode,
                     String phone, String kpj, WorkerCategory category, boolean extremePoverty, Integer povertyDecile,
                     String status, UUID publicId) {}
