package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.ErasureCodeEntity;
import org.tredegar.requests.persistence.HelpRequestEntity;
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
            + "codes AS (DELETE FROM contact_erasure_codes WHERE request_id IN (SELECT id FROM due)) "
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
     * Step one of "erase my contact now": a fresh one-time code replaces any earlier one. Only its keyed hash is
     * stored; the code is returned for delivery to the contact itself (by notifications), never to the caller.
     */
    public Uni<Instant> requestCode(HelpRequestEntity request) {
        return RequestContactEntity.<RequestContactEntity>findById(request.id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("contact for this tracking code (none was given, or it is already erased)"))
                .chain(contact -> ErasureCodeEntity.<ErasureCodeEntity>findById(request.id))
                .chain(existing -> {
                    ErasureCodeEntity code = existing != null ? existing : new ErasureCodeEntity();
                    code.requestId = request.id;
                    code.codeHash = hash(request.id, codes.next());
                    code.expiresAt = Instant.now().plus(codeValidFor);
                    code.attempts = 0;
                    return code.<ErasureCodeEntity>persist().map(saved -> saved.expiresAt);
                });
    }

    /** Step two: the right code erases the contact at once; wrong codes count, and five of them void the code. */
    public Uni<Confirmation> confirm(HelpRequestEntity request, String code) {
        return ErasureCodeEntity.<ErasureCodeEntity>findById(request.id).chain(pending -> {
            if (pending == null || pending.expiresAt.isBefore(Instant.now()) || pending.attempts >= MAX_ATTEMPTS) {
                return Uni.createFrom().item(Confirmation.NO_VALID_CODE);
            }
            if (!java.security.MessageDigest.isEqual(pending.codeHash.getBytes(), hash(request.id, code.trim()).getBytes())) {
                pending.attempts++;
                return Uni.createFrom().item(Confirmation.WRONG_CODE);
            }
            request.contactHash = null;
            request.updatedAt = Instant.now();
            return pending.delete()
                    .chain(() -> RequestContactEntity.deleteById(request.id))
                    .chain(() -> audit.record(request.hubId, "requester", "contact-erased", request.id.toString(), "on request"))
                    .replaceWith(Confirmation.ERASED);
        });
    }

    private String hash(UUID requestId, String code) {
        return cipher.lookupHash("erasure-code:" + requestId, code);
    }
}
