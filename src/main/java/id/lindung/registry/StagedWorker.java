package id.lindung.registry;

import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.util.List;

/** One checked row of a bulk load, with its payer resolved, ready to be copied to the staging table. */
public record StagedWorker(long line, String nik, String fullName, String sex, LocalDate birthDate, String villageCode,
                           WorkerCategory category, Segment segment, Rupiah wage, RiskGroup riskGroup,
                           List<Programme> programs, PayerRef payer, LocalDate startDate, String phone, String kpj) {}
