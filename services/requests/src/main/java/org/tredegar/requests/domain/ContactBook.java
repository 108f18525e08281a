package org.tredegar.requests.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.RequestContactEntity;

/**
 * The only way a contact leaves its sealed table: opened for one reader, and the read is appended to the hub's
 * audit trail in the caller's transaction — no read without its audit entry.
 */
@ApplicationScoped
public class ContactBook {
    public static final String READ_ACTION = "contact-read";

    @Inject
    ContactCipher cipher;
    @Inject
    AuditTrail audit;

    /** Call inside a transaction. 404 when no contact was given or it has been erased. */
    public Uni<ContactDetails> open(HelpRequestEntity request, String actor) {
        return open(request, actor, "");
    }

    /** As {@link #open(HelpRequestEntity, String)}; {@code why} (ids only) is added to the audit entry's detail. */
    public Uni<ContactDetails> open(HelpRequestEntity request, String actor, String why) {
        return RequestContactEntity.<RequestContactEntity>findById(request.id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("contact of request " + request.id
                        + " (none was given, or it has been erased)"))
                .chain(contact -> {
                    String value = cipher.open(new ContactCipher.Sealed(contact.keyId, contact.nonce, contact.ciphertext),
                            request.id.toString());
                    return audit.record(request.hubId, actor, READ_ACTION, request.id.toString(),
                                    "channel=" + contact.channel.slug() + why)
                            .replaceWith(new ContactDetails(contact.channel, value, request.language));
                });
    }
}
