package id.lindung.shared;

/** Membership segment: wage earner (Penerima Upah) or self-employed/informal (Bukan Penerima Upah). */
public enum Segment {
    PU,
    BPU
}
