/**
 * The official region hierarchy of Indonesia (province, regency or city, district, village or
 * kelurahan) with Kemendagri codes, and each area's potential workforce, the denominator of coverage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Region")
package id.lindung.region;
