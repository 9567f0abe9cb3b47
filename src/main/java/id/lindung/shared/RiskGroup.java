package id.lindung.shared;

/**
 * The JKK risk group of the work (kelompok tingkat risiko lingkungan kerja, I to V; PU rates 0.24% to 1.74%),
 * stored by name.
 */
public enum RiskGroup {
    VERY_LOW,
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
