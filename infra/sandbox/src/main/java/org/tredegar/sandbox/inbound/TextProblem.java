package org.tredegar.sandbox.inbound;

import org.tredegar.sandbox.numbers.PhoneNumbers;

import java.util.ArrayList;
import java.util.List;

/**
 * What can be wrong with a text a person (or script) sends the platform as a phone. Checked once here for the API
 * and the page; each says which field it is about, in the API's words. The page words them from its message bundle.
 */
public enum TextProblem {
    FROM_MISSING("from", "is required: the phone's number, in E.164 (+447700900123)"),
    FROM_MALFORMED("from", "must be an E.164 number such as +447700900123"),
    TO_MISSING("to", "is required: the hub number texted, in E.164"),
    TO_MALFORMED("to", "must be an E.164 number such as +447700900100"),
    BODY_EMPTY("body", "is required and must not be empty"),
    BODY_TOO_LONG("body", "must be at most 1600 characters, the longest text a phone delivers as one");

    public static final int MAX_BODY = 1600;

    private final String field;
    private final String message;

    TextProblem(String field, String message) {
        this.field = field;
        this.message = message;
    }

    public String field() {
        return field;
    }

    public String message() {
        return message;
    }

    /**
     * Every problem, in field order. A body of spaces only is a text a phone can send: it is the platform's job to
     * answer it sensibly, so only a missing or empty body is refused here.
     */
    public static List<TextProblem> of(String from, String to, String body) {
        List<TextProblem> problems = new ArrayList<>();
        if (from == null || from.isBlank()) {
            problems.add(FROM_MISSING);
        } else if (!PhoneNumbers.isE164(from)) {
            problems.add(FROM_MALFORMED);
        }
        if (to == null || to.isBlank()) {
            problems.add(TO_MISSING);
        } else if (!PhoneNumbers.isE164(to)) {
            problems.add(TO_MALFORMED);
        }
        if (body == null || body.isEmpty()) {
            problems.add(BODY_EMPTY);
        } else if (body.codePointCount(0, body.length()) > MAX_BODY) {
            problems.add(BODY_TOO_LONG);
        }
        return problems;
    }
}
