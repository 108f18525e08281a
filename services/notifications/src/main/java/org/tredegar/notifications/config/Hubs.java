package org.tredegar.notifications.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.platform.hub.HubIds;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service knows about hubs: their slugs (ids are derived from them), their time zone for quiet hours,
 * and the duty contact of their coordinators ({@code tredegar.hubs."<slug>".coordinators.email|sms|language}).
 */
@ApplicationScoped
public class Hubs {
    private final Map<UUID, String> slugs = new LinkedHashMap<>();
    private final ZoneId defaultZone;

    public Hubs(@ConfigProperty(name = "tredegar.hubs.slugs", defaultValue = "tredegar,ebbw-vale") List<String> known,
                @ConfigProperty(name = "tredegar.hubs.default-zone", defaultValue = "Europe/London") String zone) {
        known.forEach(slug -> slugs.put(HubIds.idOf(slug.trim()), slug.trim()));
        defaultZone = ZoneId.of(zone);
    }

    public Optional<String> slugOf(UUID hubId) {
        return Optional.ofNullable(slugs.get(hubId));
    }

    public ZoneId zoneOf(UUID hubId) {
        return slugOf(hubId).flatMap(slug -> value("tredegar.hubs.\"" + slug + "\".zone")).map(ZoneId::of).orElse(defaultZone);
    }

    public Optional<String> coordinatorContact(UUID hubId, String channel) {
        return slugOf(hubId).flatMap(slug -> value("tredegar.hubs.\"" + slug + "\".coordinators." + channel));
    }

    private static Optional<String> value(String key) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }
}
