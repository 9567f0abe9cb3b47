package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.region.RegionLists;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A later official region list brings its new areas' government payers and its new names with it. */
@IntegrationTest
class GovernmentPayersIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("gov-payer-admin", id.lindung.access.Role.ADMIN, "ID");

    @Autowired RegionLists regionLists;
    @Autowired JdbcClient jdbc;

    @Test
    void aRegionListImportAddingARegencyAndADesaCreatesTheirPayersAndARenamedDesaRenamesItsPayer(@TempDir Path dir)
            throws IOException {
        copy("provinces", dir, "");
        copy("regencies", dir, "64.99,64,Kabupaten Uji Lindung\n");
        copy("districts", dir, "64.99.01,64.99,Uji Tengah\n");
        Path villages = copy("villages", dir, "64.99.01.2001,64.99.01,Uji Makmur\n64.99.01.1001,64.99.01,Uji Kota\n");
        Files.writeString(villages, Files.readString(villages).replace("11.01.01.2001,11.01.01,Keude Bakongan\n",
                "11.01.01.2001,11.01.01,Keude Bakongan Raya\n"));
        try {
            CurrentActor.runAs(ADMIN, () -> regionLists.load(dir, "uji-payer-register"));
            assertThat(name("APBD:64.99")).isEqualTo("Pemerintah Kabupaten Uji Lindung");
            assertThat(name("APBDES:64.99.01.2001")).isEqualTo("Pemerintah Desa Uji Makmur");
            assertThat(name("APBDES:11.01.01.2001")).isEqualTo("Pemerintah Desa Keude Bakongan Raya");
            assertThat(jdbc.sql("select count(*) from payer where region_code in ('64.99.01', '64.99.01.1001')")
                    .query(Long.class).single()).as("no payer for a district or a kelurahan").isZero();
            assertThat(jdbc.sql("""
                    select count(*) from audit_event where entity_type = 'payer' and action = 'SYNC'
                    and after_state ->> 'regionList' = 'uji-payer-register'""").query(Long.class).single()).isOne();
        } finally {
            CurrentActor.runAs(ADMIN, () -> regionLists.load(null, null));
        }
        assertThat(name("APBDES:11.01.01.2001")).isEqualTo("Pemerintah Desa Keude Bakongan");
        assertThat(jdbc.sql("select active from region where code = '64.99'").query(Boolean.class).single()).isFalse();
    }

    /** The bundled file of that name, unpacked into {@code dir} with {@code extra} lines appended. */
    private static Path copy(String name, Path dir, String extra) throws IOException {
        Path target = dir.resolve(name + ".csv");
        try (InputStream in = new GZIPInputStream(RegionLists.class.getResourceAsStream("/regions/" + name + ".csv.gz"))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(target, (text.endsWith("\n") ? text : text + "\n") + extra);
        }
        return target;
    }

    private String name(String code) {
        return jdbc.sql("select name from payer where code = ?").param(code).query(String.class).single();
    }
}
