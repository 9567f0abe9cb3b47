package id.lindung.registry;

import java.time.LocalDate;

/** A registered worker as stored. {@code nik} is the full NIK: mask it with {@link NikPolicy} before showing. */
public record Worker(long id, String nik, String fullName, String sex, LocalDate birthDate, String villageCode,
                     String phone, String kpj, WorkerCategory category, boolean extremePoverty, Integer povertyDecile,
                     String status) {}
