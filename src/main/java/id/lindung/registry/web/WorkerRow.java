package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.PersonalData;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.Workers;

/** A row of the worker list page and export, as the actor may see it ({@link PersonalData}); linked by the opaque {@code publicId}. */
record WorkerRow(long id, java.util.UUID publicId, String nik, String fullName, String sex, String birthDate, String villageCode, WorkerCategory category,
                 String status, String programs, String payers, String kpj) {

    static WorkerRow of(Workers.Listed l, Actor actor) {
        var w = l.worker();
        return new WorkerRow(w.id(), w.publicId(), PersonalData.nik(actor, w.nik()), w.fullName(), w.sex(),
                PersonalData.birthDate(actor, w.birthDate()),
                w.villageCode(), w.category(), w.status(), l.programs(), PersonalData.payerCodes(actor, l.payers()), w.kpj());
    }
}
