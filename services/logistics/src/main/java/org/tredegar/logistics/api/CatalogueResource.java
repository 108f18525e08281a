package org.tredegar.logistics.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.logistics.domain.ItemCatalogue;

import java.util.List;

/** The item catalogue: public, it is the same everywhere and says nothing about anyone. */
@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {
    public record ItemView(String item, String unit, boolean expires) {
    }

    @GET
    @PermitAll
    public List<ItemView> items() {
        return ItemCatalogue.all().stream().map(i -> new ItemView(i.slug().slug(), i.unit(), i.expires())).toList();
    }
}
