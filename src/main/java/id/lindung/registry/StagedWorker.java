package id.lindung.registry;

import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.util.List;

/**
 * One checked row of a bulk load, with its payer resolved, ready to be copied to the staging table.
 *
 * @param p3keDecile    the household's P3KE/DTKS decile (1 to 10) when the file gives one; the worker is then flagged as
 *                      an extreme-poverty household
 * @param wageDefaulted the row gave no wage: {@code wage} is the default wage of its category and segment on its start
 *                      ({@link DefaultWages}), a regulation value a budget plan names when its sources do not settle it
 */
public record StagedWorker(long line, String nik, String fullName, String sex, LocalDate birthDate, String villageCode,
                           WorkerCategory category, Segment segment, Rupiah wage, RiskGroup riskGroup,
                           List<Programme> programs, PayerRef payer, LocalDate startDate, String phone, String kpj,
                           Integer p3keDecile, boolean wageDefaulted) {

    /** A row that gave its wage. */
    public StagedWorker(long line, String nik, String fullName, String sex, LocalDate birthDate, String villageCode,
                        WorkerCategory category, Segment segment, Rupiah wage, RiskGroup riskGroup,
                        List<Programme> programs, PayerRef payer, LocalDate startDate, String phone, String kpj,
                        Integer p3keDecile) {
        this(line, nik, fullName, sex, birthDate, villageCode, category, segment, wage, riskGroup, programs, payer, startDate,
                phone, kpj, p3keDecile, false);
    }

    /** A row without a decile. */
    public StagedWorker(long line, String nik, String fullName, String sex, LocalDate birthDate, String villageCode,
                        WorkerCategory category, Segment segment, Rupiah wage, RiskGroup riskGroup,
                        List<Programme> programs, PayerRef payer, LocalDate startDate, String phone, String kpj) {
        this(line, nik, fullName, sex, birthDate, villageCode, category, segment, wage, riskGroup, programs, payer, startDate,
                phone, kpj, null);
    }
}
