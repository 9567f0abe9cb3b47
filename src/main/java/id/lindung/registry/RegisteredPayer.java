package id.lindung.registry;

/**
 * A payer of any kind (SELF included) as other modules refer to it: by its id in the register, with its code and
 * the region it belongs to. Billing and payments hold the id; the registry owns the payer.
 */
public record RegisteredPayer(long id, PayerCode code, String name, String regionCode) {}
