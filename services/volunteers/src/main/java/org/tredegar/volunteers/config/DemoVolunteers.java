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
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.volunteers.domain.Languages;
import org.tredegar.volunteers.domain.Profile;
import org.tredegar.volunteers.domain.Registry;
import org.tredegar.volunteers.domain.SealedContacts;
import org.tredegar.volunteers.domain.Skill;
import org.tredegar.volunteers.domain.VolunteerRecords;
import org.tredegar.volunteers.domain.WeeklyAvailability;
import org.tredegar.volunteers.persistence.VolunteerEntity;
import org.tredegar.volunteers.persistence.Volunteers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The local demo's volunteers (CONVENTIONS "Local demo"): {@code volunteer.tredegar} at the Tredegar centre — on
 * duty, always available, 5 km, English and Welsh, drives, no task limit — and a few on-duty neighbours without
 * accounts around each hub (reached by SMS; numbers from Ofcom's drama range, never real). Loaded only when
 * {@code tredegar.demo.enabled} is on; fixed ids, so a restart adds nothing twice.
 * <p>
 * Profiles with a username are handed to that Keycloak login on its first call (Profiles.find): the realm
 * generates subjects, so the fixed id here becomes the login's subject then.
 */
@ApplicationScoped
public class DemoVolunteers {
    private static final Logger LOG = Logger.getLogger(DemoVolunteers.class);
    public static final UUID VOLUNTEER_TREDEGAR = UUID.fromString("7e1c0de0-0000-4000-8000-000000000001");

    @ConfigProperty(name = "tredegar.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    SealedContacts contacts;
    @Inject
    Registry registry;
    @Inject
    Volunteers volunteers;
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
                chain = chain.chain(() -> volunteers.demoProfileExists(demo.id(), demo.username())
                        .chain(present -> present ? Uni.createFrom().voidItem() : create(demo)));
            }
            return chain;
        }));
        LOG.infof("demo volunteers loaded: %d", DEMO.size());
    }

    /** Registered like anyone (and so published, for other services' read models such as the dashboard's). */
    private Uni<Void> create(Demo demo) {
        Instant now = Instant.now();
        Profile.Contact phone = demo.phone() == null ? null : new Profile.Contact(ContactChannel.SMS, demo.phone());
        Profile profile = new Profile(demo.name(), List.of(demo.hub()), new Profile.Home(demo.lat(), demo.lon(), null),
                demo.radiusKm(), new ArrayList<>(Skill.parseList(demo.skills())), Languages.parseList(demo.languages()),
                List.of(), true, new Profile.Limits(demo.maxTasksPerWeek(), 0), phone, null);
        VolunteerEntity v = VolunteerRecords.newVolunteer(demo.id(), null, profile, WeeklyAvailability.ALWAYS,
                phone != null, "demo", now, json);
        v.accountUsername = demo.username();
        return registry.enrol(v, phone == null ? null : contacts.seal(v.id, phone), now).replaceWithVoid();
    }
}
