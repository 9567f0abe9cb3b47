package id.lindung.claim;

import java.util.List;
import java.util.OptionalInt;

/**
 * Who receives a death benefit, by PP 44/2015 Pasal 37 (RULES.md 4.2a): every heir of the lowest rank present
 * ({@link HeirRelationship#rank()}). With no heir at all, the funeral arranger receives the funeral costs only and the
 * rest of the benefit stays in the fund.
 */
final class HeirOrder {

    private HeirOrder() {}

    /** The rank that receives, empty when no one is named. */
    static OptionalInt receivingRank(List<HeirRelationship> relationships) {
        OptionalInt heir = relationships.stream().filter(HeirRelationship::heir).mapToInt(HeirRelationship::rank).min();
        if (heir.isPresent()) {
            return heir;
        }
        return relationships.contains(HeirRelationship.FUNERAL_ARRANGER) ? OptionalInt.of(HeirRelationship.FUNERAL_ARRANGER.rank())
                : OptionalInt.empty();
    }

    /** True when no heir in the sense of the law is named: only the funeral costs are paid (to the arranger). */
    static boolean onlyFuneral(List<HeirRelationship> relationships) {
        return relationships.stream().noneMatch(HeirRelationship::heir);
    }
}
