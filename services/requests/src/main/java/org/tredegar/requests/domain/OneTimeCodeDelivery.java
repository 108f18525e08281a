package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.api.OneTimeCodeView;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.OneTimeCodeEntity;
import org.tredegar.requests.persistence.RequestContactEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * Hands a one-time code and the contact to send it to to the notifications service, which learnt of the code from
 * OneTimeCodeIssued. Like every contact read, it goes through {@link ContactBook}: opened for one reader and
 * audited ({@code contact-read}, with the code's id) in the same transaction. A code that was used, replaced,
 * voided or has expired is gone (410) and its sealed copy is wiped; a scheduled pass wipes expired ones too.
 */
@ApplicationScoped
public class OneTimeCodeDelivery {
    private static final Logger LOG = Logger.getLogger(OneTimeCodeDelivery.class);
    static final String WIPE_EXPIRED = "UPDATE one_time_codes SET key_id = NULL, nonce = NULL, sealed_code = NULL, "
            + "ended_at = expires_at WHERE ended_at IS NULL AND expires_at <= now()";
    /** Tombstones (no secrets) answer 410 for a week after expiry, then a late fetch gets 404. */
    static final String FORGET_OLD = "WITH codes AS (DELETE FROM one_time_codes WHERE expires_at < now() - interval '7 days') "
            + "DELETE FROM contact_erasure_codes WHERE expires_at < now()";

    @Inject
    ContactBook contacts;
    @Inject
    ContactCipher cipher;
    @Inject
    Pool pool;

    /** Either the code to send ({@code view}) or why it is gone. */
    public record Delivery(OneTimeCodeView view, String gone) {
        static Delivery gone(String why) {
            return new Delivery(null, why);
        }
    }

    public Uni<Delivery> deliver(UUID codeId, String actor) {
        return Panache.withTransaction(() -> OneTimeCodeEntity.<OneTimeCodeEntity>findById(codeId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("one-time code " + codeId))
                .chain(code -> {
                    Instant now = Instant.now();
                    if (!code.usable(now)) {
                        code.end(now);
                        return Uni.createFrom().item(Delivery.gone("one-time code " + codeId
                                + " was used, replaced or voided, or has expired; the person can ask for a new one"));
                    }
                    return HelpRequestEntity.<HelpRequestEntity>findById(code.requestId)
                            .chain(request -> RequestContactEntity.<RequestContactEntity>findById(code.requestId).chain(contact -> {
                                if (request == null || contact == null) {
                                    code.end(now);
                                    return Uni.createFrom().item(Delivery.gone("the contact for one-time code " + codeId
                                            + " has been erased"));
                                }
                                String plain = cipher.open(new ContactCipher.Sealed(code.keyId, code.nonce, code.sealedCode),
                                        code.codeId.toString());
                                return contacts.open(request, actor, " one-time-code=" + codeId + " purpose=" + code.purpose)
                                        .map(c -> new Delivery(new OneTimeCodeView(c.channel(), c.value(), plain,
                                                RequestIntake.language(request.language), code.purpose, code.expiresAt), null));
                            }));
                }));
    }

    @Scheduled(identity = "one-time-code-cleanup", every = "${tredegar.contacts.erasure-code-cleanup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return wipeExpired().invoke(wiped -> {
            if (wiped > 0) {
                LOG.infof("wiped %d expired one-time code(s)", wiped);
            }
        }).replaceWithVoid();
    }

    /** Wipes the sealed copies of expired codes and forgets long-expired ones; returns how many were wiped. */
    public Uni<Integer> wipeExpired() {
        return pool.withTransaction(connection -> connection.query(WIPE_EXPIRED).execute()
                .call(() -> connection.query(FORGET_OLD).execute())
                .map(RowSet::rowCount));
    }
}
