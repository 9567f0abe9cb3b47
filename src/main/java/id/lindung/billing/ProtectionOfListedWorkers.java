package id.lindung.billing;

import id.lindung.registry.ProtectionOnDate;
import id.lindung.shared.Programme;
import id.lindung.shared.ProtectionStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Answers the registry's {@link ProtectionOnDate} with {@link Protection}'s own rule, so a list agrees with the endpoint. */
@Component
class ProtectionOfListedWorkers implements ProtectionOnDate {

    private final Protection protection;

    ProtectionOfListedWorkers(Protection protection) {
        this.protection = protection;
    }

    @Override
    public Map<Long, Map<Programme, ProtectionStatus>> of(Collection<Long> workerIds, LocalDate date) {
        Map<Long, Map<Programme, ProtectionStatus>> result = new HashMap<>();
        protection.ofWorkers(workerIds, date).forEach((id, programs) -> {
            Map<Programme, ProtectionStatus> statuses = new EnumMap<>(Programme.class);
            programs.forEach(p -> statuses.put(Programme.valueOf(p.program()), p.status()));
            result.put(id, statuses);
        });
        return result;
    }
}
