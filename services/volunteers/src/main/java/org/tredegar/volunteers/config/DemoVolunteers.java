package org.tredegar.volunteers.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.volunteers.domain.Availability;
import org.tredegar.volunteers.domain.Geo;
import org.tredegar.volunteers.domain.Registry;
import org.tredegar.volunteers.domain.SpatialIndex;
import org.tredegar.volunteers.domain.WeeklyAvailability;
import org.tredegar.volunteers.persistence.VolunteerContactEntity;
import org.tredegar.volunteers.persistence.VolunteerEntity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The local demo's volunteers (CONVENTIONS "Local demo"): {@code volunteer.tredegar} at the Tredegar centre — on
 * duty, always available, 5 km, English and Welsh, drives, no task limit — and a few on-duty neighbours without
 * accounts around each hub (reached by SMS; numbers from Ofcom's drama range, never real). Loaded only when
 * {@code tredegar.demo.enabled} is on; fixed ids, so a restart adds nothing twice.
 * <p>
 * Profiles with a username are handed to that Keycloak login on its first call (Registry.find): the realm
 * generates subjects, so the fixed id here becomes the login's subject then.
 */
@ApplicationScoped
public class DemoVolunteers {
    private static final Logger LOG = Logger.getLogger(DemoVolunteers.class);
    public static final UUID VOLUNTEER_TREDEGAR = UUID.fromString("7e1c0de0-0000-4000-8000-000000000001");

    @ConfigProperty(name = "tredegar.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    ContactCipher cipher;
    @Inject
    OutboxWriter outbox;
    @Inject
    Registry registry;
    @Inject
    ObjectMapper json;

    record Demo(UUID id, String username, String name, String hub, double lat, double lon, double radiusKm,
                String skills, String languages, Integer maxTasksPerWeek, String phone) {
    }

    static final List<Demo> DEMO = List.of(
            new Demo(VOLUNTEER_TREDEGAR, "volunteer.tredegar", "Gwen (demo)", "tredegar", 51.7727, -3.2467, 5,
                    "driving,car", "en,cy", null, null),
            new Demo(demoId(2), "volunteer.ebbw-vale", "Ebbw Vale volunteer (demo)", "ebbw-vale", 51.7776, -3.2066, 5,
                    "driving,car", "en", null, null),
            new Demo(demoId(3), null, "Rhys (demo)", "tredegar", 51.7790, -3.2480, 3, "heavy-lifting,diy", "en,cy", 3, "+44 7700 900101"),
            new Demo(demoId(4), null, "Alys (demo)", "tredegar", 51.7680, -3.2400, 4, "cooking,first-aid", "en", 5, "+44 7700 900102"),
            new Demo(demoId(5), null, "Tomos (demo)", "tredegar", 51.7750, -3.2550, 6, "driving,van", "en,cy", 4, "+44 7700 900103"),
            new Demo(demoId(6), null, "Ceri (demo)", "ebbw-vale", 51.7800, -3.2100, 3, "cooking", "en,cy", 3, "+44 7700 900104"),
            new Demo(demoId(7), null, "Dafydd (demo)", "ebbw-vale", 51.7740, -3.2000, 5, "driving,car,first-aid", "en", 5, "+44 7700 900105"),
            new Demo(demoId(8), null, "Nia (demo)", "ebbw-vale", 51.7830, -3.2050, 4, "translation,counselling", "en,pl", 3, "+44 7700 900106"));

    static UUID demoId(int n) {
        return UUID.fromString(String.format("7e1c0de0-0000-4000-8000-%012d", n));
    }

    void load(@Observes StartupEvent ignored) throws Throwable {
        if (!enabled) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Demo demo : DEMO) {
                chain = chain.chain(() -> exists(demo).chain(present -> present ? Uni.createFrom().voidItem() : create(demo)));
            }
            return chain;
        }));
        LOG.infof("demo volunteers loaded: %d", DEMO.size());
    }

    /** By id, or by username: a demo login that claimed its profile has changed the id to its subject. */
    private Uni<Boolean> exists(Demo demo) {
        String sql = demo.username() == null ? "SELECT count(*) FROM volunteers WHERE id = ?1 AND ?2 = ''"
                : "SELECT count(*) FROM volunteers WHERE id = ?1 OR account_username = ?2";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Long.class)
                .setParameter(1, demo.id()).setParameter(2, demo.username() == null ? "" : demo.username())
                .getSingleResult()).map(n -> n > 0);
    }

    private Uni<Void> create(Demo demo) {
        Instant now = Instant.now();
        VolunteerEntity v = new VolunteerEntity();
        v.id = demo.id();
        v.accountUsername = demo.username();
        v.displayName = demo.name();
        v.hubs = demo.hub();
        v.hubId = HubIds.idOf(demo.hub());
        v.lat = Geo.approximate(demo.lat());
        v.lon = Geo.approximate(demo.lon());
        v.h3Fine = SpatialIndex.fineCell(v.lat, v.lon);
        v.h3Coarse = SpatialIndex.coarseCell(v.lat, v.lon);
        v.radiusKm = demo.radiusKm();
        v.skills = demo.skills();
        v.verifiedSkills = "";
        v.languages = demo.languages();
        v.availability = Availability.write(json, WeeklyAvailability.ALWAYS);
        v.timezone = "Europe/London";
        v.onDuty = true;
        v.maxTasksPerWeek = demo.maxTasksPerWeek();
        v.restHours = 0;
        v.smsOnly = demo.phone() != null;
        v.registeredBy = "demo";
        v.createdAt = now;
        v.updatedAt = now;
        // Published like any registration, so that other services' read models (the dashboard) know them too.
        Uni<Void> write = v.persist().chain(() -> outbox.append(Registry.registered(v, now)))
                .chain(() -> registry.onDutyFromTheStart(v, now)).replaceWithVoid();
        if (demo.phone() != null) {
            ContactCipher.Sealed sealed = cipher.seal(demo.phone(), v.id.toString());
            VolunteerContactEntity c = new VolunteerContactEntity();
            c.volunteerId = v.id;
            c.channel = "sms";
            c.keyId = sealed.keyId();
            c.nonce = sealed.nonce();
            c.ciphertext = sealed.ciphertext();
            c.lookupHash = cipher.lookupHash("sms", demo.phone());
            c.createdAt = now;
            write = write.chain(() -> c.persist()).replaceWithVoid();
        }
        return write;
    }
}
