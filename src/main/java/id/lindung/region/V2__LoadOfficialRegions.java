package id.lindung.region;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Loads the bundled official region list once, on first start, as part of the schema history. */
@Component
class V2__LoadOfficialRegions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        RegionListLoader.load(context.getConnection(), RegionListLoader.Source.bundled(),
                RegionListLoader.BUNDLED_VERSION, RegionListLoader.BUNDLED_SOURCE, "system:first-start");
    }
}
