package org.tredegar.bench;

import org.tredegar.testing.Db;
import org.tredegar.testing.WholePlatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * `./tredegar bench loop`: the help loop by text, as people meet it, on the whole platform (every service, Kafka,
 * PostgreSQL, Keycloak, the sandbox as the SMS provider). First the journey: people text the hub's number one a
 * second, answer its questions, neighbours who work by text only get offers, say YES, get the task, text DONE, and
 * each person hears at each step. Then surges: people whose one text says what and where, arriving at a fixed rate
 * (50 and 200 texts a second), timed from their text to the first offer text for their request and from a
 * neighbour's YES to the task's details. Every figure is taken from the sandbox's own clock on the texts, so the
 * driver's polling does not add to them; the simulated people's think times are left out of every step measured.
 */
final class LoopBenchmark {
    private final WholePlatform platform;
    private final int journeyPeople = Integer.getInteger("bench.loop.people", 30);
    private final int surgePeople = Integer.getInteger("bench.loop.surge", 100);
    private final double[] rates = Arrays.stream(System.getProperty("bench.loop.rates", "50,200").split(","))
            .mapToDouble(Double::parseDouble).toArray();
    private final int volunteers = Integer.getInteger("bench.loop.volunteers", 200);
    private final Duration think = Duration.parse(System.getProperty("bench.loop.think", "PT2S"));
    private final Duration deadline = Duration.parse(System.getProperty("bench.loop.deadline", "PT4M"));

    private LoopBenchmark(WholePlatform platform) {
        this.platform = platform;
    }

    static String run() throws Exception {
        System.setProperty("tredegar.platform.logs", "infra/bench/target/platform-logs");
        return new LoopBenchmark(WholePlatform.get()).measure();
    }

    private String measure() throws Exception {
        // Neighbours from 07700 900300, people from 900700: clear of the hubs' numbers (900100, 900200), the demo's.
        if (journeyPeople + surgePeople * rates.length > 300 || volunteers > 400) {
            throw new IllegalArgumentException("at most 300 people (900700-900999) and 400 neighbours (900300-900699)");
        }
        TextCrowd crowd = new TextCrowd(platform.sandboxUrl(), think);
        registerNeighbours(crowd);
        StringBuilder out = new StringBuilder("## The help loop by text, as people meet it (`loop`)\n\n");
        out.append(String.format(Locale.ROOT, "The whole platform as `./tredegar up` runs it, on this one machine, with the "
                + "sandbox as the SMS provider; %d neighbours registered by a coordinator, text only, within 2 km of the "
                + "town centre, and the demo hub's own text-only neighbours, answer each offer after %d s (YES when "
                + "free, NO when already helping) and text DONE as soon as the task arrives. Quiet hours are off for the "
                + "run (in the demo, offers for a request made by text, which is routine, wait from 22:00 to 08:00 hub "
                + "time); the rule of one message of a kind per phone per 15 minutes (offers and task details exempt) "
                + "holds as in production. Times from the sandbox's clock on each text (ms).%n%n", volunteers, think.toSeconds()));

        int next = 700;
        Instant start = Instant.now().plusSeconds(1);
        List<TextCrowd.Person> journey = new ArrayList<>();
        for (int i = 0; i < journeyPeople; i++) {
            crowd.person(TextCrowd.dramaNumber(next++), start.plusSeconds(i), false);
            journey.add(crowd.people.get(crowd.people.size() - 1));
        }
        crowd.play(journey, start.plusSeconds(journeyPeople).plus(deadline));
        out.append(section(String.format(Locale.ROOT, "### The journey: %d people, one a second, each asked where", journeyPeople),
                journey, Duration.between(start, Instant.now()), List.of(
                        new Step("person's last answer → told the request is in, with a tracking code", p -> span(p.lastAnswerBeforeReceived, p.receivedAt)),
                        new Step("request in → offer to the neighbour who then helped", p -> span(p.receivedAt, p.offerAt)),
                        new Step("neighbour's YES → the task's details (what, where)", p -> span(p.neighbourYesAt, p.taskAt)),
                        new Step("neighbour's YES → person told a neighbour is coming", p -> span(p.neighbourYesAt, p.toldAt)),
                        new Step("neighbour's DONE → person told it is done", p -> span(p.neighbourDoneAt, p.doneAt)),
                        new Step("person's first text → told a neighbour is coming (think times included)", p -> span(p.firstTextAt, p.toldAt)))));

        for (double rate : rates) {
            Instant surgeStart = Instant.now().plusSeconds(1);
            List<TextCrowd.Person> surge = new ArrayList<>();
            for (int i = 0; i < surgePeople; i++) {
                crowd.person(TextCrowd.dramaNumber(next++), surgeStart.plusNanos((long) (i * 1e9 / rate)), true);
                surge.add(crowd.people.get(crowd.people.size() - 1));
            }
            crowd.play(surge, surgeStart.plus(deadline));
            Map<TextCrowd.Person, Instant> firstOffer = firstOfferTexts(crowd, surge);
            out.append(section(String.format(Locale.ROOT, "### A surge: %d people at %.0f texts a second (%.1f s), "
                            + "each saying what and where in one text", surgePeople, rate, surgePeople / rate),
                    surge, Duration.between(surgeStart, Instant.now()), List.of(
                            new Step("first text → told the request is in, with a tracking code", p -> span(p.firstTextAt, p.receivedAt)),
                            new Step("first text → the first offer text for that request", p -> span(p.firstTextAt, firstOffer.get(p))),
                            new Step("neighbour's YES → the task's details (what, where)", p -> span(p.neighbourYesAt, p.taskAt)),
                            new Step("first text → told a neighbour is coming (one think time included)", p -> span(p.firstTextAt, p.toldAt)))));
        }
        long failed = ((Number) Db.of("notifications").rows(
                "SELECT count(*) AS n FROM notifications WHERE status = 'failed'").get(0).get("n")).longValue();
        out.append(String.format(Locale.ROOT, "Notifications that failed to send over the whole run: %d.%n", failed));
        // Every text of the run, for a person to read when a figure looks odd (under target/, never committed).
        java.nio.file.Files.writeString(platform.logDir.resolve("loop-texts.json"),
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(crowd.log));
        return out.toString();
    }

    private void registerNeighbours(TextCrowd crowd) throws Exception {
        String coordinator = platform.token("coordinator.tredegar");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < volunteers; i++) {
            String phone = TextCrowd.dramaNumber(300 + i);
            double lat = 51.7727 + 0.012 * Math.sin(i), lon = -3.2467 + 0.018 * Math.cos(i);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.url("volunteers") + "/api/v1/volunteers"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + coordinator)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"displayName":"Neighbour %d","hubs":["tredegar"],"location":{"lat":%.5f,"lon":%.5f},
                             "radiusKm":5,"skills":["driving"],"languages":["en"],"onDuty":true,
                             "contact":{"channel":"sms","value":"%s"}}""".formatted(i, lat, lon, phone))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("registering a neighbour: " + response.statusCode() + " " + response.body());
            }
            crowd.neighbour(phone);
        }
        for (int i = 101; i <= 106; i++) {
            crowd.neighbour(TextCrowd.dramaNumber(i)); // the demo's own neighbours are asked too: answer for them
        }
    }

    /** For each person, when the first offer for their request reached a phone: offer codes → requests, from the DBs. */
    private static Map<TextCrowd.Person, Instant> firstOfferTexts(TextCrowd crowd, List<TextCrowd.Person> people) {
        Map<String, String> requestByTracking = new HashMap<>();
        Db.of("requests").rows("SELECT id::text AS id, tracking_code FROM help_requests")
                .forEach(r -> requestByTracking.put((String) r.get("tracking_code"), (String) r.get("id")));
        Map<String, String> requestByCode = new HashMap<>();
        Db.of("volunteers").rows("SELECT offer_code, request_id::text AS request FROM offers")
                .forEach(r -> requestByCode.put((String) r.get("offer_code"), (String) r.get("request")));
        Map<String, Instant> firstByRequest = new HashMap<>();
        crowd.neighbours.values().forEach(n -> n.offers.forEach((code, at) -> {
            String request = requestByCode.get(code);
            if (request != null) {
                firstByRequest.merge(request, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }));
        Map<TextCrowd.Person, Instant> first = new HashMap<>();
        for (TextCrowd.Person p : people) {
            String request = p.trackingCode == null ? null : requestByTracking.get(p.trackingCode);
            if (request != null && firstByRequest.containsKey(request)) {
                first.put(p, firstByRequest.get(request));
            }
        }
        return first;
    }

    private static String section(String title, List<TextCrowd.Person> people, Duration took,
                                  List<Step> steps) {
        long received = people.stream().filter(p -> p.receivedAt != null).count();
        long helped = people.stream().filter(p -> p.doneAt != null).count();
        StringBuilder out = new StringBuilder(title).append(String.format(Locale.ROOT,
                "%n%n%d of %d told their request is in, %d heard it was done, within %d s.%n%n", received, people.size(),
                helped, took.toSeconds()));
        out.append("| step | n | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        for (Step step : steps) {
            long[] sorted = people.stream().map(step.span()).filter(v -> v != null).mapToLong(Long::longValue).sorted().toArray();
            out.append(sorted.length == 0 ? String.format(Locale.ROOT, "| %s | 0 | - | - | - |%n", step.name())
                    : String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", step.name(), sorted.length,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1]));
        }
        return out.append('\n').toString();
    }

    /** One step a person meets, and how long it took them (null when they did not get that far). */
    private record Step(String name, Function<TextCrowd.Person, Long> span) {
    }

    private static Long span(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, Math.min((int) Math.ceil(p * sorted.length) - 1, sorted.length - 1))];
    }
}
