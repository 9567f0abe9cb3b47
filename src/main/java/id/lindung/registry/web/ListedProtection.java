package id.lindung.registry.web;

import id.lindung.shared.Programme;
import id.lindung.shared.ProtectionStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A listed worker's JKK and JKM protection on the list's date, as the protection endpoint answers it: one status when
 * both programmes agree, else each programme's own (the list never invents a combined status the endpoint does not give).
 */
record ListedProtection(List<Part> parts) {

    /** The programmes of the list's protection column: the two that protect against accidents and death. */
    static final Set<Programme> SHOWN = EnumSet.of(Programme.JKK, Programme.JKM);

    /** {@code program} is null when the status stands for every shown programme. */
    record Part(Programme program, ProtectionStatus status) {

        /** The badge's class, as the worker page's protection card colours it. */
        public String badge() {
            return switch (status) {
                case PROTECTED -> "";
                case IN_GRACE -> "warn";
                case LAPSED, ENDED -> "bad";
            };
        }
    }

    /** Worker id → its shown programmes' protection; a worker with neither programme started is absent. */
    static Map<Long, ListedProtection> of(Map<Long, Map<Programme, ProtectionStatus>> statuses) {
        Map<Long, ListedProtection> result = new HashMap<>();
        statuses.forEach((id, programs) -> {
            List<Part> parts = new ArrayList<>();
            programs.forEach((program, status) -> {
                if (SHOWN.contains(program)) {
                    parts.add(new Part(program, status));
                }
            });
            if (parts.stream().map(Part::status).distinct().count() == 1) {
                result.put(id, new ListedProtection(List.of(new Part(null, parts.get(0).status()))));
            } else if (!parts.isEmpty()) {
                parts.sort(java.util.Comparator.comparing(Part::program));
                result.put(id, new ListedProtection(List.copyOf(parts)));
            }
        });
        return result;
    }
}
