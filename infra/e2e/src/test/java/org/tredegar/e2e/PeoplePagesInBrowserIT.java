package org.tredegar.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.Db;
import org.tredegar.testing.Launcher;
import org.tredegar.testing.WholePlatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tredegar.e2e.RequestToNotificationFlowIT.count;

/**
 * The people's pages in headless Chromium (src/test/browser/people-pages.mjs): a person asks for help with
 * JavaScript off and on, in Welsh and in Arabic, at 360 px, and lands on their tracking page; axe finds no serious
 * or critical WCAG 2.2 AA violation on any page in any language; the ask form and the tracking page each transfer at
 * most 30 KB on a first visit, all from our own origin; screenshots of every page at 360 and 1280 px are written
 * to infra/e2e/target/browser/people for review. Like the operator page's test, it fails (never skips) without
 * Chromium, Node or the npm packages.
 */
class PeoplePagesInBrowserIT {
    static final long PAGE_BUDGET_BYTES = 30 * 1024;
    static final Db REQUESTS = Db.of("requests");

    final Path root = Launcher.root();
    final Path scripts = root.resolve("infra/e2e/src/test/browser");
    final Path out = root.resolve("infra/e2e/target/browser/people");

    @Test
    void aPersonAsksInWelshAndArabicWithAndWithoutJavaScriptAndEveryPagePassesAxe() throws Exception {
        OperatorPageInBrowserIT.requireBrowser(scripts, root);
        WholePlatform platform = WholePlatform.get();
        Files.createDirectories(out);
        JsonNode result = OperatorPageInBrowserIT.runScript(scripts, "people-pages.mjs", Map.of(
                "TREDEGAR_DASHBOARD_URL", platform.url("dashboard"), "TREDEGAR_OUT", out.toString(),
                "TREDEGAR_CHROMIUM", OperatorPageInBrowserIT.CHROMIUM.toString()), out.resolve("people-pages.log"), 6);

        // Four people asked (Welsh and Arabic, script off and on): each saw the problems first, then their request.
        assertThat(result.path("asked")).hasSize(4);
        for (JsonNode asked : result.path("asked")) {
            assertThat(asked.path("errorsShown").asInt()).as("problems shown on the empty form " + asked).isGreaterThanOrEqualTo(4);
            assertThat(asked.path("trackingPath").asText()).startsWith("/track/");
            assertThat(asked.path("htmlLang").asText()).isEqualTo(asked.path("lang").asText());
            assertThat(asked.path("dir").asText()).isEqualTo(asked.path("lang").asText().equals("ar") ? "rtl" : "ltr");
            assertThat(asked.path("status").asText()).isNotBlank();
            assertThat(count(REQUESTS, "SELECT count(*) FROM help_requests WHERE description = ?",
                    asked.path("description").asText())).as("one request for " + asked).isEqualTo(1);
        }

        List<String> violations = new ArrayList<>();
        result.path("violations").forEach(v -> violations.add(v.toString()));
        assertThat(result.path("checked").asInt()).as("pages checked by axe").isEqualTo(35);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();

        for (String page : List.of("ask", "track")) {
            JsonNode weight = result.at("/weights/" + page);
            assertThat(weight.path("thirdParty")).as(page + ": requests to other origins").isEmpty();
            assertThat(weight.path("totalBytes").asLong()).as(page + " bytes on the wire, first visit: " + weight)
                    .isPositive().isLessThanOrEqualTo(PAGE_BUDGET_BYTES);
        }
        System.out.printf("people's pages: ask %d B, track %d B on a first visit; %d pages checked by axe%n",
                result.at("/weights/ask/totalBytes").asLong(), result.at("/weights/track/totalBytes").asLong(),
                result.path("checked").asInt());
        assertThat(result.path("screenshots").size()).isGreaterThanOrEqualTo(70);
        for (JsonNode shot : result.path("screenshots")) {
            assertThat(Path.of(shot.asText())).isRegularFile();
        }
    }
}
