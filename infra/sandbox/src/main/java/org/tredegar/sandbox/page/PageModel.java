package org.tredegar.sandbox.page;

import java.util.List;

/** Everything the page shows, already in display form; the template only lays it out. */
public record PageModel(List<Hub> hubs, List<Phone> phones, List<Inbox> inboxes, Form form,
                        List<FieldError> errors, Notice notice, int smtpPort) {

    /** The error shown at a field, or null: the template repeats the summary's message next to the field. */
    public String errorFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public record Hub(String name, String number, String inboundUrl) {
    }

    public record Phone(String number, String anchor, List<TextRow> rows, int total) {
        public boolean truncated() {
            return rows.size() < total;
        }
    }

    public record TextRow(String iso, String time, boolean incoming, String platformSide, String body, String status) {
    }

    public record Inbox(String address, String anchor, List<MailRow> rows, int total) {
        public boolean truncated() {
            return rows.size() < total;
        }
    }

    public record MailRow(String iso, String time, String from, String subject, String text) {
    }

    /** What the person typed, kept when the form comes back with errors. */
    public record Form(String from, String to, String body) {
    }

    public record FieldError(String field, String message) {
    }

    /** After a send: the text as it stands now (its status moves on as the platform answers). */
    public record Notice(String from, String to, String status) {
    }
}
