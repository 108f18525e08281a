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
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.ErasureCodeEntity;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.OneTimeCodeEntity;
import org.tredegar.requests.persistence.RequestContactEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    static final String ERASE_DUE = "WITH due AS (SELECT id FROM help_requests WHERE closed_at <= ?1 "
            + "AND status IN ('fulfilled', 'cancelled', 'closed') AND (contact_hash IS NOT NULL "
            + "OR EXISTS (SELECT 1 FROM request_contacts c WHERE c.request_id = help_requests.id)) "
            + "ORDER BY closed_at LIMIT ?2 FOR UPDATE SKIP LOCKED), "
            + "gone AS (DELETE FROM request_contacts WHERE request_id IN (SELECT id FROM due)), "
            + "codes AS (DELETE FROM contact_erasure_codes WHERE request_id IN (SELECT id FROM due)), "
            + "sealed AS (UPDATE one_time_codes SET key_id = NULL, nonce = NULL, sealed_code = NULL, ended_at = now() "
            + "WHERE request_id IN (SELECT id FROM due) AND ended_at IS NULL) "
            // version + 1: a coordinator's change racing with the erasure fails its optimistic check instead of
            // writing the hash back.
            + "UPDATE help_requests SET contact_hash = NULL, version = version + 1 WHERE id IN (SELECT id FROM due)";

    public enum Confirmation { ERASED, WRONG_CODE, NO_VALID_CODE }

    @Inject
    ContactCipher cipher;
    @Inject
    OneTimeCodes codes;
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
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(Instant.now().minus(eraseAfter), ZoneOffset.UTC);
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(ERASE_DUE).setParameter(1, cutoff).setParameter(2, batch).executeUpdate())));
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
                    String plain = codes.next();
                    ErasureCodeEntity code = existing != null ? existing : new ErasureCodeEntity();
                    code.requestId = request.id;
                    code.codeHash = hash(request.id, plain);
                    code.expiresAt = now.plus(codeValidFor);
                    code.attempts = 0;
                    OneTimeCodeEntity deliverable = new OneTimeCodeEntity();
                    deliverable.codeId = UUID.randomUUID();
                    deliverable.requestId = request.id;
                    deliverable.purpose = OneTimeCodeIssued.ERASE_REQUEST;
                    ContactCipher.Sealed sealed = cipher.seal(plain, deliverable.codeId.toString());
                    deliverable.keyId = sealed.keyId();
                    deliverable.nonce = sealed.nonce();
                    deliverable.sealedCode = sealed.ciphertext();
                    deliverable.expiresAt = code.expiresAt;
                    deliverable.createdAt = now;
                    return OneTimeCodeEntity.endAllOf(request.id, now)
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
                return OneTimeCodeEntity.endAllOf(request.id, now).replaceWith(Confirmation.NO_VALID_CODE);
            }
            if (!java.security.MessageDigest.isEqual(pending.codeHash.getBytes(), hash(request.id, code.trim()).getBytes())) {
                pending.attempts++;
                return (pending.attempts >= MAX_ATTEMPTS ? OneTimeCodeEntity.endAllOf(request.id, now) : Uni.createFrom().item(0))
                        .replaceWith(Confirmation.WRONG_CODE);
            }
            request.contactHash = null;
            request.updatedAt = now;
            return pending.delete()
                    .chain(() -> OneTimeCodeEntity.endAllOf(request.id, now))
                    .chain(() -> RequestContactEntity.deleteById(request.id))
                    .chain(() -> audit.record(request.hubId, "requester", "contact-erased", request.id.toString(), "on request"))
                    .replaceWith(Confirmation.ERASED);
        });
    }

    private String hash(UUID requestId, String code) {
        return cipher.lookupHash("erasure-code:" + requestId, code);
    }
}
