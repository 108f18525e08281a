package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.persistence.SmsOptOuts;
import org.tredegar.platform.privacy.ContactCipher;

import java.util.ArrayList;
import java.util.List;

/**
 * STOP and START by text. A number that texted STOP gets nothing more by SMS, from any hub, until it texts START;
 * its other addresses (an email) still work. Only the keyed hash of the number is kept.
 */
@ApplicationScoped
public class SmsOptOutList {
    @Inject
    SmsOptOuts optOuts;
    @Inject
    ContactCipher cipher;
    @Inject
    TimeSource clock;

    public Uni<Void> stop(String number) {
        return OwnContext.transaction(() -> optOuts.optOut(hash(number), clock.now())).replaceWithVoid();
    }

    public Uni<Void> start(String number) {
        return OwnContext.transaction(() -> optOuts.optIn(hash(number))).replaceWithVoid();
    }

    /** The addresses that may be used: every one but SMS numbers that texted STOP. */
    public Uni<List<Address>> reachable(List<Address> addresses) {
        if (addresses.stream().noneMatch(a -> "sms".equals(a.channel()))) {
            return Uni.createFrom().item(addresses);
        }
        return OwnContext.run(() -> Panache.withSession(() -> keep(addresses, 0, new ArrayList<>())));
    }

    private Uni<List<Address>> keep(List<Address> addresses, int index, List<Address> kept) {
        if (index >= addresses.size()) {
            return Uni.createFrom().item(kept);
        }
        Address address = addresses.get(index);
        if (!"sms".equals(address.channel())) {
            kept.add(address);
            return keep(addresses, index + 1, kept);
        }
        return optOuts.isOptedOut(hash(address.value())).chain(stopped -> {
            if (!stopped) {
                kept.add(address);
            }
            return keep(addresses, index + 1, kept);
        });
    }

    private String hash(String number) {
        return cipher.lookupHash("sms", number);
    }
}
