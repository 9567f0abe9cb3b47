/**
 * The regulation catalog: every rate, cap, amount and rule of BPJS Ketenagakerjaan as dated, cited
 * values loaded from data files (bundled {@code regulations/*.yaml} plus an operator's folder), checked
 * for gaps and overlaps, and selected by the date in force. Plain Java; usable without Spring.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulation")
package id.lindung.regulation;
