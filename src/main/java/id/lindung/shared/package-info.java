/**
 * Value types every module shares: money in rupiah with explicit rounding, rates, and the segment,
 * programme and risk-group codes of BPJS Ketenagakerjaan, and a programme's protection status on a date (billing
 * decides it; the registry's worker list and claims read it). No behaviour beyond the values themselves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared values", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.lindung.shared;
