package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.code.OneTimeCode;
import org.tredegar.platform.code.OneTimeCodes;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.OneTimeCodeEntity;
import org.tredegar.requests.persistence.RequestContactEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * Hands a one-time code and the contact to send it to to the notifications service, which learnt of the code from
 * OneTimeCodeIssued. Like every contact read, it goes through {@link ContactBook}: opened for one reader and
 * audited ({@code contact-read}, with the code's id) in the same transaction. A code that was used, replaced,
 * voided or has expired is gone (410) and its sealed copy is wiped ({@link OneTimeCodeCleanup} wipes expired ones
 * too).
 */
@ApplicationScoped
public class OneTimeCodeDelivery {
    @Inject
    ContactBook contacts;
    @Inject
    OneTimeCodes codes;

    /**
     * Either the code to send ({@code code}) or why it is gone. Gone is an answer, not a failure: the wiped copy
     * must commit.
     */
    public record Delivery(OneTimeCode code, String gone) {
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
                                String plain = codes.open(code.codeId,
                                        new ContactCipher.Sealed(code.keyId, code.nonce, code.sealedCode));
                                return contacts.open(request, actor, " one-time-code=" + codeId + " purpose=" + code.purpose)
                                        .map(c -> new Delivery(new OneTimeCode(c.channel().slug(), c.value(), plain,
                                                RequestIntake.language(request.language), code.purpose, code.expiresAt), null));
                            }));
                }));
    }
}
