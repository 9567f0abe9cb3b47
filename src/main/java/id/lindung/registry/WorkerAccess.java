package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.TextRules;
import id.lindung.platform.NotFoundException;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change the registry and which villages and regions a caller may name: a village or region outside the
 * caller's scope answers as not found, and what a duplicate NIK tells is limited to what the scope may know.
 */
@Component
class WorkerAccess {

    private final CurrentActor currentActor;
    private final Regions regions;

    WorkerAccess(CurrentActor currentActor, Regions regions) {
        this.currentActor = currentActor;
        this.regions = regions;
    }

    Actor current() {
        return currentActor.get();
    }

    Actor requireWriter() {
        Actor actor = currentActor.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not change the registry");
        }
        return actor;
    }

    Region villageInScope(String code, RegionScope scope) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("villageCode", "REQUIRED", "villageCode is required: the desa or kelurahan code");
        }
        if (TextRules.invalidCharacter(code, false) || code.length() > 13) {
            throw new InvalidInputException("villageCode", "VILLAGE_CODE_INVALID", "villageCode must be a desa or kelurahan code such as 64.02.03.2007");
        }
        if (!scope.covers(code)) {
            throw new NotFoundException("Village " + code + " not found");
        }
        Region village = regions.lookup(code).filter(Region::active)
                .orElseThrow(() -> new NotFoundException("Village " + code + " not found"));
        if (village.level() != RegionLevel.VILLAGE) {
            throw new InvalidInputException("villageCode", "NOT_A_VILLAGE", code + " is not a desa or kelurahan code");
        }
        return village;
    }

    /** The region as a scope, when {@code scope} covers it (else 404; 400 if it is no region code). Blank: the whole scope. */
    RegionScope narrow(String regionCode, RegionScope scope) {
        return scope.narrow(regionCode, regions);
    }

    String villageName(String code) {
        return regions.lookup(code).map(Region::name).orElse(code);
    }

    /** A registered NIK's refusal, naming where only when the actor's scope covers it. */
    DuplicateNikException duplicate(Worker existing, Actor actor) {
        return new DuplicateNikException(existing.nik(), actor.scope().covers(existing.villageCode())
                ? new DuplicateNikException.Location(existing.villageCode(), villageName(existing.villageCode()), existing.category())
                : null);
    }
}
