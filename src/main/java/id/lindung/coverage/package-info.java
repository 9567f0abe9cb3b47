/**
 * Read side of coverage monitoring (issue 14): exact indicators for any region and date (registered, protected,
 * coverage ratio, apparatus, Desa Sadar Jamsostek, money and loss ratio), computed set-based over what the registry
 * and billing publish, scoped to the reader's region. Definitions: docs/coverage.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coverage")
package id.lindung.coverage;
