package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import's warnings (rows imported as typed, such as a PU wage below the usual minimum) are stored beside its
 * rejections with their kind (V184), and every reader picks rows by that kind, never by code: a warning is never listed,
 * counted or filed as a rejected row, and a rejection never reads as a warning, whatever their codes. Village
 * 63.08.01.2003 (Hulu Sungai Utara) is used by no other test.
 */
@id.lindung.support.IntegrationTest
class ImportWarningKindIntegrationTests {

    static final String VILLAGE = "63.08.01.2003";
    static final LocalDate BIRTH = LocalDate.of(1981, 7, 3);
    static final Actor DPMD = TestUsers.actor("kind-dpmd", Role.DPMD, "63.08");

    @Autowired WorkerImports imports;
    @Autowired ImportRejections rejections;
    @Autowired JdbcClient jdbc;

    private List<String> stored(long id) {
        return jdbc.sql("select kind || ' ' || code || ' ' || line || ' ' || cardinality(raw) from import_rejection "
                + "where batch_id = ? order by line, kind").param(id).query(String.class).list();
    }

    private String rejectionFile(long id) {
        StringWriter out = new StringWriter();
        CurrentActor.runAs(DPMD, () -> imports.writeRejectionsCsv(id, out));
        return out.toString();
    }

    @Test
    void aWarningIsToldApartFromARejectionByItsKindNeverByItsCode() {
        String low = Niks.unique("63.08.01", "P", BIRTH);
        String csv = "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n"
                + low + ",Rina Wati,P," + BIRTH + "," + VILLAGE + ",PERANGKAT_DESA,PU,100,VERY_LOW,JKK;JKM,APBDES,2025-03-01\n"
                + "123,Tanpa NIK,L," + BIRTH + "," + VILLAGE + ",PERANGKAT_DESA,PU,2500000,VERY_LOW,JKK;JKM,APBDES,2025-03-01\n";
        ImportBatch batch = CurrentActor.runAs(DPMD, () -> imports.upload("kinds.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new WorkerImports.Options(null, null, false)));
        long id = batch.id();
        assertThat(batch.rejectedRows()).isEqualTo(1);
        // the warning keeps no copy of the imported row; the rejection keeps the row to correct it
        assertThat(stored(id)).containsExactly("WARNING WAGE_BELOW_USUAL_MINIMUM 2 0", "REJECTION NIK_NOT_16_DIGITS 3 12");

        // a second warning code (any later warning) and a refusal that happens to share the warning's code
        rejections.storeWarnings(id, List.of(new InputProblem(4, "category", "CATEGORY_GUESSED", "category read as TANI")));
        rejections.store(id, List.of(new ImportRejections.Rejection(
                new InputProblem(5, "wage", "WAGE_BELOW_USUAL_MINIMUM", "refused"), new String[] {"5"})));

        List<WorkerImports.RejectedRow> listed = CurrentActor.runAs(DPMD, () -> imports.rejections(id, 100));
        assertThat(listed).extracting(WorkerImports.RejectedRow::line, WorkerImports.RejectedRow::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "NIK_NOT_16_DIGITS"),
                        org.assertj.core.groups.Tuple.tuple(5L, "WAGE_BELOW_USUAL_MINIMUM"));
        List<WorkerImports.RejectedRow> warned = CurrentActor.runAs(DPMD, () -> imports.warnings(id, 100));
        assertThat(warned).extracting(WorkerImports.RejectedRow::line, WorkerImports.RejectedRow::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "WAGE_BELOW_USUAL_MINIMUM"),
                        org.assertj.core.groups.Tuple.tuple(4L, "CATEGORY_GUESSED"));
        String file = rejectionFile(id);
        assertThat(file).contains("NIK_NOT_16_DIGITS").contains("refused").doesNotContain("CATEGORY_GUESSED").doesNotContain(low);
        assertThat(file.lines().filter(l -> !l.isBlank()).count()).as("header and the two refused lines").isEqualTo(3);
    }
}
