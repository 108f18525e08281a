package org.tredegar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of the loop benchmark, played through the sandbox as any phone would be: people who ask by text and
 * answer the hub's questions, and neighbours who answer offers (YES when free, NO when already helping, after a
 * think time) and text DONE when the task arrives. It reads every text the sandbox saw and keeps, per person and
 * neighbour, the sandbox's own time of each step.
 */
final class TextCrowd {
    static final String HUB_NUMBER = "+447700900100";
    private static final Pattern OFFER_CODE = Pattern.compile("\\(Code ([A-Z0-9]{4,8})\\)");
    private static final Pattern ASKER = Pattern.compile("asker (\\d+)\\)");
    private static final Pattern TRACKING = Pattern.compile("tracking code is ([A-Z0-9-]+)");
    /** A YES that led nowhere frees the neighbour after this: the "no longer open" reply is one per 15 minutes. */
    private static final Duration STUCK = Duration.ofSeconds(30);

    private final String sandbox;
    private final Duration think;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    final List<Person> people = new ArrayList<>();
    private final Map<String, Person> personByPhone = new HashMap<>();
    final Map<String, Neighbour> neighbours = new HashMap<>();
    private final List<Planned> planned = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    final List<JsonNode> log = new ArrayList<>();
    private Instant since = Instant.now().minusSeconds(1);

    TextCrowd(String sandbox, Duration think) {
        this.sandbox = sandbox;
        this.think = think;
    }

    void neighbour(String phone) {
        neighbours.putIfAbsent(phone, new Neighbour(phone));
    }

    /** A person who texts at that time; {@code whole}: the first text says what and where, so no question comes. */
    void person(String phone, Instant at, boolean whole) {
        Person person = new Person(people.size(), phone);
        people.add(person);
        personByPhone.put(phone, person);
        String need = "need shopping, can't get out" + (whole ? ". NP22 3AA" : "") + " (asker " + person.index + ")";
        planned.add(new Planned(at, phone, need));
    }

    /** Plays until every person in {@code phase} heard their request is done, or until {@code giveUp}. */
    void play(List<Person> phase, Instant giveUp) throws Exception {
        while (Instant.now().isBefore(giveUp) && phase.stream().anyMatch(p -> p.doneAt == null)) {
            sendDue();
            for (JsonNode text : newTexts()) {
                handle(text);
            }
            Thread.sleep(50);
        }
    }

    private void handle(JsonNode text) {
        Instant at = Instant.parse(text.get("at").asText());
        String body = text.get("body").asText();
        if (text.get("direction").asText().equals("in")) {
            Person person = personByPhone.get(text.get("from").asText());
            if (person != null) {
                person.firstTextAt = person.firstTextAt == null ? at : person.firstTextAt;
                person.lastAnswerBeforeReceived = person.receivedAt == null ? at : person.lastAnswerBeforeReceived;
            }
            Neighbour neighbour = neighbours.get(text.get("from").asText());
            if (neighbour != null && body.startsWith("YES")) {
                neighbour.yesAt = at;
            } else if (neighbour != null && body.equals("DONE")) {
                neighbour.doneAt = at;
            }
            return;
        }
        String to = text.get("to").asText();
        if (personByPhone.containsKey(to)) {
            heardByPerson(personByPhone.get(to), body, at);
        }
        if (neighbours.containsKey(to)) {
            heardByNeighbour(neighbours.get(to), body, at);
        }
    }

    private void heardByPerson(Person person, String body, Instant at) {
        Matcher tracking = TRACKING.matcher(body);
        if (body.contains("What do you need")) {
            reply(person.phone, "1");
        } else if (body.contains("Where should a neighbour come")) {
            reply(person.phone, "NP22");
        } else if (tracking.find() && person.receivedAt == null) {
            person.receivedAt = at;
            person.trackingCode = tracking.group(1);
        } else if (body.contains("has agreed to help you") && person.toldAt == null) {
            person.toldAt = at;
        } else if (body.contains("glad the help reached you")) {
            person.doneAt = at;
        } else if (body.contains("Do you still need help?")) {
            reply(person.phone, "no thanks");
        }
    }

    private void heardByNeighbour(Neighbour neighbour, String body, Instant at) {
        Matcher code = OFFER_CODE.matcher(body);
        if (body.contains("Reply YES") && code.find()) {
            neighbour.offers.put(code.group(1), at);
            // One task at a time, as a neighbour with a life would: busy, they say no, which is fine to say.
            boolean free = neighbour.helping == null && (neighbour.offerAt == null || neighbour.offerAt.isBefore(at.minus(STUCK)));
            if (free) {
                neighbour.offerAt = at;
            }
            reply(neighbour.phone, (free ? "YES " : "NO ") + code.group(1));
        } else if (body.contains("no longer open")) {
            neighbour.offerAt = null;
        } else if (body.contains("Reply DONE")) {
            Matcher asker = ASKER.matcher(body);
            if (asker.find()) {
                Person person = people.get(Integer.parseInt(asker.group(1)));
                neighbour.helping = person;
                person.neighbour = neighbour;
                person.offerAt = neighbour.offerAt;
                person.neighbourYesAt = neighbour.yesAt;
                person.taskAt = at;
                reply(neighbour.phone, "DONE");
            }
        } else if (body.contains("marked as done")) {
            if (neighbour.helping != null) {
                neighbour.helping.neighbourDoneAt = neighbour.doneAt;
            }
            neighbour.helping = null;
            neighbour.offerAt = null;
        }
    }

    private void reply(String from, String body) {
        planned.add(new Planned(Instant.now().plus(think), from, body));
    }

    private void sendDue() throws Exception {
        Instant now = Instant.now();
        List<Planned> due = planned.stream().filter(p -> !p.at.isAfter(now)).toList();
        planned.removeAll(due);
        for (Planned text : due) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox + "/api/messages"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            json.writeValueAsString(Map.of("from", text.from, "to", HUB_NUMBER, "body", text.body))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("the sandbox answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** Texts since the last one read (the sandbox's {@code since} is inclusive: ids already seen are skipped). */
    private List<JsonNode> newTexts() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox + "/api/messages?since="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> fresh = new ArrayList<>();
        for (JsonNode text : json.readTree(response.body())) {
            if (seen.add(text.get("id").asText())) {
                fresh.add(text);
                log.add(text);
                Instant at = Instant.parse(text.get("at").asText());
                since = at.isAfter(since) ? at : since;
            }
        }
        return fresh;
    }

    /** Numbers from the range set aside for drama (07700 900000–900999): nobody's real phone. */
    static String dramaNumber(int n) {
        return "+447700900" + String.format(Locale.ROOT, "%03d", n);
    }

    private record Planned(Instant at, String from, String body) {
    }

    static final class Person {
        final int index;
        final String phone;
        String trackingCode;
        Instant firstTextAt, lastAnswerBeforeReceived, receivedAt, offerAt, neighbourYesAt, taskAt, toldAt,
                neighbourDoneAt, doneAt;
        Neighbour neighbour;

        Person(int index, String phone) {
            this.index = index;
            this.phone = phone;
        }
    }

    static final class Neighbour {
        final String phone;
        /** Every offer this neighbour was sent: its code → when the text was sent. */
        final Map<String, Instant> offers = new HashMap<>();
        Instant offerAt, yesAt, doneAt;
        Person helping;

        Neighbour(String phone) {
            this.phone = phone;
        }
    }
}
