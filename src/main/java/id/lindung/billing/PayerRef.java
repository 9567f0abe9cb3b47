package id.lindung.billing;

/** A payer as billing sees it (the registry owns payers). */
public record PayerRef(long id, String code, String kind, String name, String regionCode) {}
