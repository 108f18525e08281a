package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.requests.persistence.SmsIntakeEntity;
import org.tredegar.requests.persistence.SmsIntakes;
import org.tredegar.requests.persistence.SmsMessages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation by text nobody finished (the person stopped answering) becomes a request as it is after
 * {@code tredegar.sms.intake-timeout}: category {@code other} if still unknown, the place unknown, for a coordinator
 * to triage. Nothing the person wrote is lost, and a request that was being written when a replica stopped is
 * written by the next pass. Claims rows with {@code FOR UPDATE SKIP LOCKED}, so replicas never take the same one,
 * nor one a text is changing; also forgets finished conversations and old message ids.
 */
@ApplicationScoped
public class SmsIntakeJob {
    private static final Logger LOG = Logger.getLogger(SmsIntakeJob.class);
    /** A request "being written" this long is taken to have been left by a crash (writing takes milliseconds). */
    static final Duration STUCK_AFTER = Duration.ofMinutes(1);
    /** A finished conversation recognises a repeated first text for two minutes; a day is plenty. */
    static final Duration FORGET_SUBMITTED_AFTER = Duration.ofDays(1);
    /** Providers and notifications retry within hours. */
    static final Duration FORGET_MESSAGE_IDS_AFTER = Duration.ofDays(2);

    @Inject
    SmsIntakes intakes;
    @Inject
    SmsMessages messages;
    @Inject
    SmsIntakeSubmission submission;

    @ConfigProperty(name = "tredegar.sms.intake-timeout", defaultValue = "PT10M")
    Duration timeout;
    @ConfigProperty(name = "tredegar.sms.intake-batch", defaultValue = "100")
    int batch;

    @Scheduled(identity = "sms-intake-timeout", every = "${tredegar.sms.intake-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() throws Throwable {
        int submitted = runOnce();
        if (submitted > 0) {
            LOG.infof("%d unfinished SMS conversation(s) submitted as requests", submitted);
        }
    }

    /** One pass; returns how many conversations became requests. */
    public int runOnce() throws Throwable {
        Instant now = Instant.now();
        List<SmsIntakeSubmission.Pending> claimed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> intakes.claimDue(now.minus(timeout), now.minus(STUCK_AFTER), batch).chain(hashes -> {
                    List<SmsIntakeSubmission.Pending> due = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String hash : hashes) {
                        chain = chain.chain(() -> SmsIntakeEntity.<SmsIntakeEntity>findById(hash).invoke(e -> {
                            if (e.step != SmsIntakeEntity.Step.SUBMITTING) {
                                SmsIntakeSteps.submitting(e);
                            }
                            e.updatedAt = now; // a stuck one is not claimed again by another replica at once
                            due.add(SmsIntakeSubmission.Pending.of(e));
                        }).replaceWithVoid());
                    }
                    return chain.replaceWith(due);
                })));
        // Committed: each request's id is stored before it is written, so a failure here is finished by a later pass.
        int written = 0;
        for (SmsIntakeSubmission.Pending p : claimed) {
            try {
                VertxContextSupport.subscribeAndAwait(() -> submission.complete(p));
                written++;
            } catch (Exception e) {
                LOG.warnf("SMS conversation's request %s not written yet (%s); the next pass tries again", p.requestId(), e.toString());
            }
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> intakes.forgetSubmittedBefore(now.minus(FORGET_SUBMITTED_AFTER))
                        .chain(() -> messages.forgetBefore(now.minus(FORGET_MESSAGE_IDS_AFTER)))));
        return written;
    }
}
