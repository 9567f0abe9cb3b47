package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.PersonalData;
import java.time.LocalDate;

/** One entry of a worker's status history. */
public record StatusEvent(String status, String reason, LocalDate effectiveOn, String villageCode, String createdBy) {

    /**
     * The entry as {@code actor} may see it: a reason is typed by whoever changed the status ("pindah, NIK baru ..."), so
     * for a masked reader it reads as every other typed text does ({@link PersonalData#maskTyped}; security review).
     */
    public StatusEvent shownTo(Actor actor) {
        return PersonalData.seesFull(actor) ? this
                : new StatusEvent(status, PersonalData.maskTyped(reason), effectiveOn, villageCode, createdBy);
    }
}
