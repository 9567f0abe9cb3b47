package id.lindung.shared;

/** A refusal with a stable code a client can act on, and a sentence for people. */
public record Rejection(String code, String message) {}
