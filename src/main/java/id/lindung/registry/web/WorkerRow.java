package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.registry.NikPolicy;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.Workers;

/** A row of the worker list page and export, as the actor may see it ({@link NikPolicy}). */
record WorkerRow(long id, String nik, String fullName, String sex, String birthDate, String villageCode, WorkerCategory category,
                 String status, String programs, String payers, String kpj) {

    static WorkerRow of(Workers.Listed l, Actor actor) {
        var w = l.worker();
        return new WorkerRow(w.id(), NikPolicy.show(actor, w.nik()), w.fullName(), w.sex(), NikPolicy.showBirthDate(actor, w.birthDate()),
                w.villageCode(), w.category(), w.status(), l.programs(), NikPolicy.showPayers(actor, l.payers()), w.kpj());
    }
}
