package id.lindung.shared;

/** The employer's JKK risk group (kelompok tingkat risiko lingkungan kerja), I to V. */
public enum RiskGroup {
    VERY_LOW,
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
