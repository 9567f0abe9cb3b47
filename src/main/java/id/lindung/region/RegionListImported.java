package id.lindung.region;

/**
 * An official region list was loaded (CLI {@code regions import}): new codes were added, names and parents updated,
 * missing codes retired. Published inside the loading transaction, so a listener's changes commit with the list.
 */
public record RegionListImported(String version, int provinces, int regencies, int districts, int villages, int retired) {}
