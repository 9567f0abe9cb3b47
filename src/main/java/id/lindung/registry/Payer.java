package id.lindung.registry;

import id.lindung.access.Actor;
import java.time.OffsetDateTime;

/**
 * An entry of the payer register. {@code phone} and {@code email} are a contact person's: show them only to the
 * roles that see workers' phone numbers ({@link id.lindung.access.PersonalData#contact}).
 */
public record Payer(String code, PayerKind kind, String name, String regionCode, String regionName, String contactPerson,
                    String phone, String email, String address, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The entry as {@code actor} may see it: without the contact person's phone and e-mail for masked roles. */
    public Payer shownTo(Actor actor) {
        return id.lindung.access.PersonalData.seesFull(actor) ? this
                : new Payer(code, kind, name, regionCode, regionName, contactPerson, null, null, address, createdAt, updatedAt);
    }
}
