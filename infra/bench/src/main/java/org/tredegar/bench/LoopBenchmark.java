package org.tredegar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tredegar.testing.Db;
import org.tredegar.testing.WholePlatform;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `./tredegar bench loop`: the help loop by text, as people meet it, on the whole platform (every service, Kafka,
 * PostgreSQL, Keycloak, the sandbox as the SMS provider). People text the hub's number a few at a time, answer its
 * questions, neighbours who work by text only get offers, say YES, get the task, text DONE, and each person hears
 * at each step. Every figure is taken from the sandbox's own clock on the texts (when the provider received or was
 * asked to send each one), so the driver's polling does not add to them. Think times are the simulated people's, not
 * the platform's, and are left out of every step measured.
 */
final class LoopBenchmark {
    private static final String HUB_NUMBER = "+447700900100";
    private static final Pattern OFFER_CODE = Pattern.compile("\\(Code ([A-Z0-9]{4,8})\\)");
    private static final Pattern ASKER = Pattern.compile("asker (\\d+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STUCK = Duration.ofSeconds(30);

    private final WholePlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int people = Integer.getInteger("bench.loop.people", 30);
    private final int volunteers = Integer.getInteger("bench.loop.volunteers", 2 * people);
    private final Duration every = Duration.parse(System.getProperty("bench.loop.every", "PT1S"));
    private final Duration think = Duration.parse(System.getProperty("bench.loop.think", "PT2S"));
    private final Duration deadline = Duration.parse(System.getProperty("bench.loop.deadline", "PT5M"));

    /** Each step's durations, in milliseconds, by name, in the order they are reported. */
    private final Map<String, List<Long>> steps = new LinkedHashMap<>();
    private final List<Person> asking = new ArrayList<>();
    private final Map<String, Person> personByPhone = new HashMap<>();
    private final Map<String, Neighbour> neighbourByPhone = new HashMap<>();
    /** Texts the simulated people will send, each at its time: their thinking, not the platform's. */
    private final List<Planned> planned = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private LoopBenchmark(WholePlatform platform) {
        this.platform = platform;
        for (String step : List.of(STEP_ACK, STEP_OFFER, STEP_TASK, STEP_TOLD, STEP_DONE, STEP_WHOLE)) {
            steps.put(step, new ArrayList<>());
        }
    }

    private static final String STEP_ACK = "person's last answer → told the request is in, with a tracking code";
    private static final String STEP_OFFER = "request in → offer to the neighbour who then helped";
    private static final String STEP_TASK = "neighbour's YES → the task's details (what, where)";
    private static final String STEP_TOLD = "neighbour's YES → person told a neighbour is coming";
    private static final String STEP_DONE = "neighbour's DONE → person told it is done";
    private static final String STEP_WHOLE = "person's first text → told a neighbour is coming (think times included)";

    static String run() throws Exception {
        System.setProperty("tredegar.platform.logs", "infra/bench/target/platform-logs");
        return new LoopBenchmark(WholePlatform.get()).measure();
    }

    private String measure() throws Exception {
        // Neighbours from 07700 900300, people from 900700: clear of the hubs' numbers (900100, 900200) and the demo's.
        if (people > 299 || volunteers > 400) {
            throw new IllegalArgumentException("bench.loop.people at most 299, bench.loop.volunteers at most 400");
        }
        // The demo hub's own text-only neighbours (900101-900106) are asked too: the bench answers for them as well.
        for (int i = 101; i <= 106; i++) {
            neighbourByPhone.put(dramaNumber(i), new Neighbour(dramaNumber(i)));
        }
        String coordinator = platform.token("coordinator.tredegar");
        for (int i = 0; i < volunteers; i++) {
            String phone = dramaNumber(300 + i);
            // Within 2 km of the town centre, where the people below say they are: one distance band.
            double lat = 51.7727 + 0.012 * Math.sin(i), lon = -3.2467 + 0.018 * Math.cos(i);
            post(platform.url("volunteers") + "/api/v1/volunteers", coordinator, """
                    {"displayName":"Neighbour %d","hubs":["tredegar"],"location":{"lat":%.5f,"lon":%.5f},
                     "radiusKm":5,"skills":["driving"],"languages":["en"],"onDuty":true,
                     "contact":{"channel":"sms","value":"%s"}}""".formatted(i, lat, lon, phone), 201);
            neighbourByPhone.put(phone, new Neighbour(phone));
        }
        Instant start = Instant.now();
        for (int i = 0; i < people; i++) {
            Person person = new Person(i, dramaNumber(700 + i));
            asking.add(person);
            personByPhone.put(person.phone, person);
            planned.add(new Planned(start.plus(every.multipliedBy(i)), person.phone,
                    "need shopping, can't get out (asker " + i + ")"));
        }
        Instant giveUp = start.plus(every.multipliedBy(people)).plus(deadline);
        Instant since = start.minusSeconds(1);
        while (Instant.now().isBefore(giveUp) && asking.stream().anyMatch(p -> p.doneAt == null)) {
            sendDue();
            for (JsonNode text : texts(since)) {
                if (seen.add(text.get("id").asText())) {
                    handle(text);
                }
            }
            Thread.sleep(100);
        }
        // Every text of the run, for a person to read when a figure looks odd (under target/, never committed).
        java.nio.file.Files.writeString(platform.logDir.resolve("loop-texts.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(texts(since)));
        return report(Duration.between(start, Instant.now()));
    }

    private void handle(JsonNode text) {
        Instant at = Instant.parse(text.get("at").asText());
        String body = text.get("body").asText();
        if (text.get("direction").asText().equals("in")) {
            Person person = personByPhone.get(text.get("from").asText());
            if (person != null) {
                if (person.receivedAt == null) {
                    person.lastAnswerBeforeReceived = at;
                }
                if (person.firstTextAt == null) {
                    person.firstTextAt = at;
                }
            }
            Neighbour neighbour = neighbourByPhone.get(text.get("from").asText());
            if (neighbour != null && body.startsWith("YES")) {
                neighbour.yesAt = at;
            } else if (neighbour != null && body.equals("DONE")) {
                neighbour.doneAt = at;
            }
            return;
        }
        String to = text.get("to").asText();
        Person person = personByPhone.get(to);
        if (person != null) {
            heardByPerson(person, body, at);
        }
        Neighbour neighbour = neighbourByPhone.get(to);
        if (neighbour != null) {
            heardByNeighbour(neighbour, body, at);
        }
    }

    private void heardByPerson(Person person, String body, Instant at) {
        if (body.contains("What do you need")) {
            reply(person.phone, "1");
        } else if (body.contains("Where should a neighbour come")) {
            reply(person.phone, "NP22");
        } else if ((body.contains("We have your request") || body.contains("Thank you for asking")) && person.receivedAt == null) {
            person.receivedAt = at;
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
            // One task at a time, as a neighbour with a life would: busy, they say no, which is fine to say.
            // A YES that led nowhere (the offer went to someone quicker) frees them again after a while: the "no
            // longer open" reply is one of a kind per window, so the second of those within 15 minutes is not sent.
            boolean free = neighbour.helping == null
                    && (neighbour.offerAt == null || neighbour.offerAt.isBefore(at.minus(STUCK)));
            if (free) {
                neighbour.offerAt = at;
            }
            reply(neighbour.phone, (free ? "YES " : "NO ") + code.group(1));
        } else if (body.contains("no longer open")) {
            neighbour.offerAt = null;
        } else if (body.contains("Reply DONE")) {
            Matcher asker = ASKER.matcher(body);
            if (!asker.find()) {
                return;
            }
            Person person = asking.get(Integer.parseInt(asker.group(1)));
            neighbour.helping = person;
            person.neighbour = neighbour;
            person.offerAt = neighbour.offerAt;
            person.neighbourYesAt = neighbour.yesAt;
            person.taskAt = at;
            reply(neighbour.phone, "DONE");
        }
    }

    private String report(Duration took) {
        for (Person person : asking) {
            add(STEP_ACK, person.lastAnswerBeforeReceived, person.receivedAt);
            add(STEP_OFFER, person.receivedAt, person.offerAt);
            add(STEP_TASK, person.neighbourYesAt, person.taskAt);
            add(STEP_TOLD, person.neighbourYesAt, person.toldAt);
            add(STEP_DONE, person.neighbour == null ? null : person.neighbour.doneAt, person.doneAt);
            add(STEP_WHOLE, person.firstTextAt, person.toldAt);
        }
        long failed = ((Number) Db.of("notifications").rows(
                "SELECT count(*) AS n FROM notifications WHERE status = 'failed'").get(0).get("n")).longValue();
        long helped = asking.stream().filter(p -> p.doneAt != null).count();
        StringBuilder out = new StringBuilder();
        out.append("## The help loop by text, as people meet it (`loop`)\n\n");
        out.append(String.format(Locale.ROOT, "%d people text the hub's number, one every %s, and answer its two "
                        + "questions; %d neighbours registered by a coordinator, text only, within 2 km (and the demo hub's "
                        + "own text-only neighbours), answer each offer "
                        + "after %s (YES when free, NO when already helping) and text DONE as soon as the task arrives. "
                        + "The whole platform as `./tredegar up` runs it, on this one machine, with the sandbox as the SMS "
                        + "provider; quiet hours are off for the run (in the demo, offers for a request made by text, "
                        + "which is routine, wait from 22:00 to 08:00 hub time), and the rule of one message of a kind "
                        + "per phone per 15 minutes (offers exempt) holds as in production. Times from the sandbox's "
                        + "clock on each text; %d of %d people heard their request was done, in %d s; failed "
                        + "notifications: %d.%n%n",
                people, every, volunteers, think, helped, people, took.toSeconds(), failed));
        out.append("| step | n | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        steps.forEach((step, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(sorted.length == 0 ? String.format(Locale.ROOT, "| %s | 0 | - | - | - |%n", step)
                    : String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", step, sorted.length,
                    percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1]));
        });
        return out.toString();
    }

    private void add(String step, Instant from, Instant to) {
        if (from != null && to != null) {
            steps.get(step).add(Duration.between(from, to).toMillis());
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, Math.min((int) Math.ceil(p * sorted.length) - 1, sorted.length - 1))];
    }

    private void reply(String from, String body) {
        planned.add(new Planned(Instant.now().plus(think), from, body));
    }

    private void sendDue() throws Exception {
        Instant now = Instant.now();
        List<Planned> due = planned.stream().filter(p -> !p.at.isAfter(now)).toList();
        planned.removeAll(due);
        for (Planned text : due) {
            post(platform.sandboxUrl() + "/api/messages", null, JSON.writeValueAsString(
                    Map.of("from", text.from, "to", HUB_NUMBER, "body", text.body)), 202);
        }
    }

    private List<JsonNode> texts(Instant since) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.sandboxUrl()
                + "/api/messages?since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> texts = new ArrayList<>();
        JSON.readTree(response.body()).forEach(texts::add);
        return texts;
    }

    private void post(String url, String bearer, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Numbers from the range set aside for drama (07700 900000–900999): nobody's real phone. */
    private static String dramaNumber(int n) {
        return "+447700900" + String.format(Locale.ROOT, "%03d", n);
    }

    private record Planned(Instant at, String from, String body) {
    }

    private static final class Person {
        final int index;
        final String phone;
        Instant firstTextAt, lastAnswerBeforeReceived, receivedAt, offerAt, neighbourYesAt, taskAt, toldAt, doneAt;
        Neighbour neighbour;

        Person(int index, String phone) {
            this.index = index;
            this.phone = phone;
        }
    }

    private static final class Neighbour {
        final String phone;
        Instant offerAt, yesAt, doneAt;
        Person helping;

        Neighbour(String phone) {
            this.phone = phone;
        }
    }
}
