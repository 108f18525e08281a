package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.requests.v1.OneTimeCodeIssued;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.code.OneTimeCodes;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.ErasureCodeEntity;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.IssuedCodes;
import org.tredegar.requests.persistence.OneTimeCodeEntity;
import org.tredegar.requests.persistence.RequestContactEntity;
import org.tredegar.requests.persistence.RequestContacts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Contacts do not outlive the need: the scheduled job erases them (and the lookup hash) a while after a request
 * was fulfilled, cancelled or closed; the person can also have it erased at once, proving it with a one-time
 * code. The request itself stays, as anonymous statistics.
 */
@ApplicationScoped
public class ContactErasure {
    private static final Logger LOG = Logger.getLogger(ContactErasure.class);
    public static final int MAX_ATTEMPTS = 5;
    static final String ERASED_ACTION = "contact-erased";

    public enum Confirmation { ERASED, WRONG_CODE, NO_VALID_CODE }

    @Inject
    OneTimeCodes codes;
    @Inject
    RequestContacts contacts;
    @Inject
    IssuedCodes issued;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "tredegar.contacts.erase-after", defaultValue = "P30D")
    Duration eraseAfter;
    @ConfigProperty(name = "tredegar.contacts.erasure-batch", defaultValue = "500")
    int batch;
    @ConfigProperty(name = "tredegar.contacts.erasure-code-valid-for", defaultValue = "PT30M")
    Duration codeValidFor;

    @Scheduled(identity = "contact-erasure", every = "${tredegar.contacts.erasure-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() throws Throwable {
        int erased = eraseDueNow();
        if (erased > 0) {
            LOG.infof("erased the contact of %d finished request(s)", erased);
        }
    }

    /** One pass of the scheduled erasure; returns how many requests lost their contact. */
    public int eraseDueNow() throws Throwable {
        Instant cutoff = Instant.now().minus(eraseAfter);
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> contacts.eraseOfRequestsFinishedBefore(cutoff, batch)));
    }

    /**
     * Step one of "erase my contact now": a fresh one-time code replaces any earlier one. The keyed hash checks what
     * the person sends back; the code itself is kept sealed (AES-GCM) only so notifications can deliver it, and
     * OneTimeCodeIssued (no code, no contact) tells notifications to fetch it, in the same transaction. The code
     * is never returned to the caller.
     */
    public Uni<Instant> requestCode(HelpRequestEntity request) {
        return RequestContactEntity.<RequestContactEntity>findById(request.id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("contact for this tracking code (none was given, or it is already erased)"))
                .chain(contact -> ErasureCodeEntity.<ErasureCodeEntity>findById(request.id))
                .chain(existing -> {
                    Instant now = Instant.now();
                    String plain = codes.newCode();
                    ErasureCodeEntity code = existing != null ? existing : new ErasureCodeEntity();
                    code.requestId = request.id;
                    code.codeHash = codes.hash(scope(request.id), plain);
                    code.expiresAt = now.plus(codeValidFor);
                    code.attempts = 0;
                    OneTimeCodeEntity deliverable = new OneTimeCodeEntity();
                    deliverable.codeId = UUID.randomUUID();
                    deliverable.requestId = request.id;
                    deliverable.purpose = OneTimeCodeIssued.ERASE_REQUEST;
                    ContactCipher.Sealed sealed = codes.seal(deliverable.codeId, plain);
                    deliverable.keyId = sealed.keyId();
                    deliverable.nonce = sealed.nonce();
                    deliverable.sealedCode = sealed.ciphertext();
                    deliverable.expiresAt = code.expiresAt;
                    deliverable.createdAt = now;
                    return issued.endAllOf(request.id, now)
                            .chain(() -> code.persist())
                            .chain(() -> deliverable.persist())
                            .chain(() -> outbox.append(new OneTimeCodeIssued(deliverable.codeId, request.id, request.hubId,
                                    OneTimeCodeIssued.ERASE_REQUEST, RequestIntake.language(request.language),
                                    deliverable.expiresAt, now)))
                            .replaceWith(code.expiresAt);
                });
    }

    /**
     * Step two: the right code erases the contact at once; wrong codes count, and five of them void the code. A
     * used or voided code can no longer be delivered either.
     */
    public Uni<Confirmation> confirm(HelpRequestEntity request, String code) {
        return ErasureCodeEntity.<ErasureCodeEntity>findById(request.id).chain(pending -> {
            Instant now = Instant.now();
            if (pending == null || pending.expiresAt.isBefore(now) || pending.attempts >= MAX_ATTEMPTS) {
                return issued.endAllOf(request.id, now).replaceWith(Confirmation.NO_VALID_CODE);
            }
            if (!codes.matches(pending.codeHash, scope(request.id), code)) {
                pending.attempts++;
                return (pending.attempts >= MAX_ATTEMPTS ? issued.endAllOf(request.id, now) : Uni.createFrom().item(0))
                        .replaceWith(Confirmation.WRONG_CODE);
            }
            request.contactHash = null;
            request.updatedAt = now;
            return pending.delete()
                    .chain(() -> issued.endAllOf(request.id, now))
                    .chain(() -> RequestContactEntity.deleteById(request.id))
                    .chain(() -> audit.record(request.hubId, Actors.REQUESTER, ERASED_ACTION, request.id.toString(), "on request"))
                    .replaceWith(Confirmation.ERASED);
        });
    }

    /** What an erasure code's hash is bound to: its request. */
    private static String scope(UUID requestId) {
        return "erasure-code:" + requestId;
    }
}
