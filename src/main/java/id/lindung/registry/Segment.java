package id.lindung.registry;

/** Penerima Upah (wage earner, with an employer) or Bukan Penerima Upah (informal, self-declared income). */
public enum Segment { PU, BPU }
