package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin lists come a page at a time ({@code limit}, {@code after}, {@code "next"}), and the export
 * streams page by page: nothing reads a whole table. Data is written with SQL, through the real
 * migrations; the API is the real one.
 */
class AdminPagingTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir, "", new MutableClock(T0));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void incidentsComePagedWithANextCursorUntilTheLastPage() throws Exception {
    for (int i = 1; i <= 5; i++) {
      survey(i, "generic", "INC-" + i, "p" + i + "@example.com");
      // two incidents share a creation time: the cursor still tells them apart
      incident(i, T0.plus(Duration.ofMinutes(i == 3 ? 2 : i)), i == 5);
    }

    List<JsonNode> pages = pages("/admin/incidents?state=all&limit=2");
    List<Long> seen = new ArrayList<>();
    for (JsonNode page : pages) {
      assertThat(page.path("incidents").size()).isLessThanOrEqualTo(2);
      page.path("incidents").forEach(i -> seen.add(i.path("surveyId").asLong()));
    }

    assertThat(pages).hasSize(3);
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    JsonNode open = get("/admin/incidents");
    assertThat(open.path("incidents")).hasSize(4); // the followed-up one is not open
    assertThat(open.path("next").isNull()).isTrue();
    assertThat(get("/admin/incidents?state=all&limit=5000").path("incidents")).hasSize(5);
    // larger asks get 1000, however large: a number past a long was a 400
    assertThat(get("/admin/incidents?state=all&limit=99999999999999999999999").path("incidents"))
        .hasSize(5);
    assertThat(app.admin("GET", "/admin/incidents?limit=0", null).statusCode()).isEqualTo(400);
    assertThat(app.admin("GET", "/admin/incidents?limit=-3", null).statusCode()).isEqualTo(400);
    assertThat(app.admin("GET", "/admin/incidents?limit=1e3", null).statusCode()).isEqualTo(400);
    assertThat(app.admin("GET", "/admin/incidents?limit=lots", null).statusCode()).isEqualTo(400);
    HttpResponse<String> bad = app.admin("GET", "/admin/incidents?after=not-a-cursor", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("after");
  }

  @Test
  void aTicketsSurveysComePagedNewestFirst() throws Exception {
    for (int i = 1; i <= 3; i++) {
      survey(i, "generic", "INC-7", "dana@example.com");
    }

    JsonNode first = get("/admin/surveys?ticket=INC-7&limit=2");
    assertThat(first.path("surveys").findValuesAsText("id")).containsExactly("3", "2");
    String next = first.path("next").asText();
    JsonNode second =
        get("/admin/surveys?ticket=INC-7&limit=2&after=" + URLEncoder.encode(next, "UTF-8"));
    assertThat(second.path("surveys").findValuesAsText("id")).containsExactly("1");
    assertThat(second.path("next").isNull()).isTrue();
    assertThat(app.admin("GET", "/admin/surveys?ticket=NOPE", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theExportStreamsEverySurveyAcrossPagesWithoutTheSandboxDemo() throws Exception {
    int n = 2 * SurveyExport.PAGE + 3;
    for (int i = 1; i <= n; i++) {
      survey(i, "generic", "INC-" + i, "p" + (i % 7) + "@example.com");
      answer(i, "rating", Integer.toString(1 + i % 5));
      answer(i, "comment", "comment " + i);
    }
    survey(n + 1, "sandbox", "DEMO-1", "p1@example.com");

    HttpResponse<String> csv = app.admin("GET", "/admin/export?format=csv", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    String[] lines = csv.body().split("\n");
    assertThat(lines).hasSize(n + 1);
    assertThat(lines[0]).startsWith("surveyId,");
    assertThat(lines[n]).startsWith(n + ",").contains("comment " + n);
    assertThat(csv.body()).doesNotContain("DEMO-1");

    JsonNode json = JSON.readTree(app.admin("GET", "/admin/export?format=json", null).body());
    assertThat(json.path("surveys")).hasSize(n);
    assertThat(json.path("surveys").get(n - 1).path("answers")).hasSize(2);

    JsonNode one =
        JSON.readTree(
            app.admin("GET", "/admin/export?format=json&user=p3@example.com", null).body());
    one.path("surveys")
        .forEach(
            s ->
                assertThat(s.path("requester").path("email").asText()).isEqualTo("p3@example.com"));
    assertThat(one.path("surveys").size()).isEqualTo((n + 7 - 3) / 7);
  }

  @Test
  void retryingEveryDeadRowRevivesThemAll() throws Exception {
    for (int i = 1; i <= 3; i++) {
      deadRow("dead-" + i);
    }

    HttpResponse<String> r = app.admin("POST", "/admin/outbox/retry-dead", null);

    assertThat(JSON.readTree(r.body()).path("retried").asInt()).isEqualTo(3);
    assertThat(get("/admin/outbox?state=dead").path("outbox")).isEmpty();
    assertThat(get("/admin/outbox?state=pending").path("outbox")).hasSize(3);
  }

  @Test
  void theOutboxComesPagedWithANextCursorUntilTheLastPage() throws Exception {
    // the list stopped at its first 1000 rows with no way to see the rest
    for (int i = 1; i <= 5; i++) {
      deadRow("dead-page-" + i);
    }
    List<JsonNode> pages = pages("/admin/outbox?state=dead&limit=2");
    List<String> seen = new ArrayList<>();
    pages.forEach(p -> p.path("outbox").forEach(o -> seen.add(o.path("key").asText())));

    assertThat(pages).hasSize(3);
    assertThat(seen)
        .containsExactly("dead-page-1", "dead-page-2", "dead-page-3", "dead-page-4", "dead-page-5");
    assertThat(get("/admin/outbox?state=dead").path("outbox")).hasSize(5);
    assertThat(get("/admin/outbox?state=dead").path("next").isNull()).isTrue();
    assertThat(
            app.admin("GET", "/admin/outbox?state=dead&after=bm90IGEgbnVtYmVy", null).statusCode())
        .as("a cursor that is no row id")
        .isEqualTo(400);
    assertThat(app.admin("GET", "/admin/outbox?state=dead&limit=0", null).statusCode())
        .isEqualTo(400);
  }

  /** Every page of {@code path}, following each "next" cursor (at most 10 pages). */
  @Test
  void everyFieldAnIncidentOrASurveyAnswersIsInTheOpenApiDocument() throws Exception {
    // /admin/incidents answered "request" and "kind", which the document's Incident left out
    survey(1, "generic", "INC-1", "p1@example.com");
    answer(1, "rating", "1");
    answer(1, "request", "please call me");
    incident(1, T0, false);
    JsonNode schemas = ConfigReference.openApi().path("components").path("schemas");
    JsonNode incident = get("/admin/incidents").path("incidents").path(0);
    JsonNode survey = get("/admin/surveys?ticket=INC-1").path("surveys").path(0);
    assertThat(incident.path("surveyId").asLong()).isEqualTo(1);
    assertThat(survey.path("incident")).isEqualTo(incident);
    assertThat(names(incident))
        .as("fields of /admin/incidents missing from openapi.json's Incident")
        .isSubsetOf(names(schemas.path("Incident").path("properties")));
    assertThat(names(survey))
        .as("fields of /admin/surveys missing from openapi.json's Survey")
        .isSubsetOf(names(schemas.path("Survey").path("properties")));
    // each list's answer: its items and "next" (the outbox answer left "next" out)
    JsonNode paths = ConfigReference.openApi().path("paths");
    for (String list :
        List.of("/admin/incidents", "/admin/surveys?ticket=INC-1", "/admin/outbox")) {
      String route = list.replaceFirst("\\?.*", "");
      JsonNode documented =
          paths
              .path(route)
              .path("get")
              .path("responses")
              .path("200")
              .path("content")
              .path("application/json")
              .path("schema")
              .path("properties");
      assertThat(names(get(list))).as(list).isSubsetOf(names(documented)).contains("next");
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private List<JsonNode> pages(String path) throws Exception {
    List<JsonNode> pages = new ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          get(
              path
                  + (after == null
                      ? ""
                      : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
      pages.add(page);
      after = page.path("next").isNull() ? null : page.path("next").asText();
    } while (after != null && pages.size() < 10);
    return pages;
  }

  private void deadRow(String key) {
    app.app
        .db()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                    INSERT INTO outbox (msg_key, platform, kind, payload, purpose, state, attempts,
                        next_attempt_at, created_at, last_error)
                    VALUES (:k, 'sandbox', 'directmessage', '{}', 'test', 'dead', 12, :t, :t, 'x')
                    """)
                    .bind("k", key)
                    .bind("t", T0)
                    .execute());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = app.admin("GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private void survey(long id, String source, String ticket, String email) {
    app.app
        .db()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                    INSERT INTO surveys (id, source, ticket_id, person_key, requester_email,
                        requester_name, title, closed_at, platform, state, step, sent_at, created_at)
                    VALUES (:id, :source, :ticket, :email, :email, 'Dana', 'VPN', :t, 'slack',
                        'answered', 'done', :t, :t)
                    """)
                    .bind("id", id)
                    .bind("source", source)
                    .bind("ticket", ticket)
                    .bind("email", email)
                    .bind("t", T0)
                    .execute());
  }

  private void answer(long surveyId, String kind, String value) {
    app.app
        .db()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO answers (survey_id, kind, answer, at) VALUES (:s, :k, :v, :t)")
                    .bind("s", surveyId)
                    .bind("k", kind)
                    .bind("v", value)
                    .bind("t", T0)
                    .execute());
  }

  private void incident(long surveyId, Instant at, boolean followedUp) {
    app.app
        .db()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                    INSERT INTO incidents (survey_id, created_at, kind, followed_up_at, followed_up_by)
                    VALUES (:s, :t, 'negative', :f, :by)
                    """)
                    .bind("s", surveyId)
                    .bind("t", at)
                    .bind("f", followedUp ? at.plusSeconds(60) : null)
                    .bind("by", followedUp ? "Alex" : null)
                    .execute());
  }
}
