package org.tredegar.dashboard.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.hub.HubIds;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hubs the pages know, and where they are. Configured rather than fetched: the pages must work when the
 * requests service is down, and hub ids follow from slugs anyway (docs/adr/0004). Events of other hubs are still kept.
 */
@ApplicationScoped
public class Hubs {
    private final List<Hub> all;
    private final Map<String, HubArea> areas = new LinkedHashMap<>();

    @Inject
    public Hubs(DashboardConfig config) {
        this.all = config.hubs().entrySet().stream()
                .map(e -> new Hub(HubIds.idOf(e.getKey()), e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Hub::name))
                .toList();
        config.areas().forEach((slug, area) -> areas.put(slug, HubArea.of(slug, area)));
    }

    public List<Hub> all() {
        return all;
    }

    /** By slug or id, as every {@code {hubId}} path accepts both. */
    public Optional<Hub> find(String idOrSlug) {
        return all.stream()
                .filter(h -> h.slug().equals(idOrSlug) || h.id().toString().equalsIgnoreCase(idOrSlug))
                .findFirst();
    }

    public List<Hub> withSlugs(Set<String> slugs) {
        return all.stream().filter(h -> slugs.contains(h.slug())).toList();
    }

    /** Where the hub is, if configured ({@code tredegar.dashboard.areas.<slug>}). */
    public Optional<HubArea> area(String slug) {
        return Optional.ofNullable(areas.get(slug));
    }

    /** The display name of a configured hub, else its slug. */
    public String name(String slug) {
        return all.stream().filter(h -> h.slug().equals(slug)).map(Hub::name).findFirst().orElse(slug);
    }

    /** Every configured area by slug (a hub's map shows its neighbours' outlines too). */
    public Map<String, HubArea> areas() {
        return Map.copyOf(areas);
    }
}
