package org.tredegar.sandbox.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.sandbox.mail.CaughtMail;
import org.tredegar.sandbox.mail.MailStore;

import java.time.Instant;
import java.util.List;

/** Every email the platform sent, oldest first, one entry per recipient; {@code to} matches regardless of case. */
@Path("/api/mail")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {
    @Inject
    MailStore store;

    @GET
    public List<MailView> list(@QueryParam("to") String to, @QueryParam("since") String since) {
        String address = to == null || to.isBlank() ? null : to.strip();
        Instant after = Since.parse(since);
        return store.list(mail -> (address == null || address.equalsIgnoreCase(mail.to()))
                        && (after == null || !mail.at().isBefore(after)))
                .stream().map(MailView::of).toList();
    }

    /** CONVENTIONS' shape: {id, from, to, subject, text, at}, at in ISO-8601 UTC. */
    public record MailView(String id, String from, String to, String subject, String text, String at) {
        static MailView of(CaughtMail mail) {
            return new MailView(mail.id(), mail.from(), mail.to(), mail.subject(), mail.text(), mail.at().toString());
        }
    }
}
