package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.AuditTrail;
import id.lindung.access.Role;
import id.lindung.registry.Workers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything Lindung holds about one person, for a request under UU 27/2022 (docs/privacy.md): the registry's record
 * (worker, membership terms, status history, likely-duplicate flags), the billing lines and paid months of the worker,
 * the payments of a self-paying worker, and the audit entries that name the NIK. ADMIN only; every export is itself
 * audited. It lives in billing because billing is the last module that holds data about a person and may read the
 * registry (the arrows point one way).
 */
@Service
public class PersonalDataExport {

    private final Workers workers;
    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    PersonalDataExport(Workers workers, JdbcClient jdbc, AuditTrail trail, AuditLog audit, TransactionTemplate tx) {
        this.workers = workers;
        this.jdbc = jdbc;
        this.trail = trail;
        this.audit = audit;
        this.tx = tx;
    }

    /** The export of the person with {@code nik}, for an ADMIN; 404 when nobody holds that NIK. */
    public Map<String, Object> of(String nik, Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("The export of a person's data is for ADMIN");
        }
        var worker = workers.get(nik, actor.scope());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("worker", worker);
        var terms = workers.terms(worker, actor.scope());
        out.put("memberships", terms);
        out.put("statusHistory", workers.history(worker));
        out.put("billLines", jdbc.sql("""
                select l.month, l.program, l.share, l.segment, l.kind, l.base, l.rate, l.amount, l.due_date, p.code as payer,
                       l.regulation_version
                from bill_line l join registry_payer p on p.id = l.payer_id
                -- every billed month named, each read through the lines' month index (bill_line has no worker index, V168)
                where l.month = any(billing_months()) and l.worker_id = ? order by l.month, l.program, l.id""")
                .param(worker.id()).query().listOfRows());
        out.put("paidMonths", jdbc.sql("select program, month, paid_on from paid_month where worker_id = ? order by month, program")
                .param(worker.id()).query().listOfRows());
        out.put("selfPayments", jdbc.sql("""
                select pm.reference, pm.paid_on, pm.amount, pm.channel, pm.recorded_at, pm.reversed_at, pm.reversal_reason
                from payment pm join registry_payer p on p.id = pm.payer_id where p.code = ? order by pm.paid_on, pm.id""")
                .param("SELF:" + nik).query().listOfRows());
        List<AuditTrail.Event> events = trail.naming(nik, worker.id(),
                terms.stream().map(id.lindung.registry.MembershipTerm::id).toList(), 2000);
        out.put("auditEvents", events);
        tx.executeWithoutResult(status -> audit.record("PERSONAL_DATA_EXPORT", "worker", nik, worker.villageCode(), null,
                Map.of("billLines", ((List<?>) out.get("billLines")).size(), "auditEvents", events.size())));
        return out;
    }
}
