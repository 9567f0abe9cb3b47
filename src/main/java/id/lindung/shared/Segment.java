package id.lindung.shared;

/**
 * Membership segment, stored by name: Penerima Upah (wage earner, with an employer) or Bukan Penerima Upah
 * (self-employed or informal, with a self-declared income).
 */
public enum Segment {
    PU,
    BPU
}
