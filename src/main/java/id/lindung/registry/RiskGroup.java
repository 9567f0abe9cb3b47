package id.lindung.registry;

/** JKK risk group of the work (PU rates 0.24% to 1.74%). */
public enum RiskGroup { VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH }
