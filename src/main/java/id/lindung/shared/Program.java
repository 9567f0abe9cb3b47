package id.lindung.shared;

/** BPJS Ketenagakerjaan programmes. */
public enum Program {
    /** Jaminan Kecelakaan Kerja: work accident. */
    JKK,
    /** Jaminan Kematian: death. */
    JKM,
    /** Jaminan Hari Tua: old-age savings. */
    JHT,
    /** Jaminan Pensiun: pension (wage earners only). */
    JP,
    /** Jaminan Kehilangan Pekerjaan: job loss (wage earners only, funded by recomposition). */
    JKP
}
