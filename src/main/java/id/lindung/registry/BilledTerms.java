package id.lindung.registry;

/**
 * What the registry needs to know of billing: whether a membership term has been billed. Billing implements it;
 * the registry declares it, so that billing depends on the registry and never the other way round.
 */
public interface BilledTerms {

    /** True when a bill line (of any month, reversed or not) names term {@code termId}. */
    boolean billed(long termId);
}
