package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Region codes are references for every module: a code is retired, never deleted or re-keyed (V52). */
@IntegrationTest
class RegionCodePermanenceIntegrationTests {

    static final String UNUSED_VILLAGE = "11.01.01.2001";

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aRegionCodeIsNeverDeletedNorReKeyedEvenWhenNothingRefersToIt() {
        assertThatThrownBy(() -> jdbc.sql("delete from region where code = ?").param(UNUSED_VILLAGE).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("region codes are permanent");
        assertThatThrownBy(() -> jdbc.sql("update region set code = '11.01.01.2999' where code = ?").param(UNUSED_VILLAGE).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("region codes are permanent");
        assertThat(jdbc.sql("select count(*) from region where code = ?").param(UNUSED_VILLAGE).query(Long.class).single()).isOne();
    }

    @Test
    void retiringRenamingAndReParentingACodeStayAllowed() {
        tx.executeWithoutResult(status -> {
            int changed = jdbc.sql("update region set active = false, name = name || ' (lama)', parent_code = parent_code where code = ?")
                    .param(UNUSED_VILLAGE).update();
            assertThat(changed).isOne();
            status.setRollbackOnly();
        });
    }

    @Test
    void thePublishedAreaViewShowsEveryCodeActiveOrRetired() {
        assertThat(jdbc.sql("select count(*) from region_area").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from region").query(Long.class).single());
        assertThat(jdbc.sql("select name from region_area where code = '64.02.03.2007'").query(String.class).single())
                .isEqualTo("Loa Duri Ilir");
    }
}
