package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verbs people read: tables by default, the admin API's JSON with --json, and the documented
 * exit codes, against a running app with one negative answer in it.
 */
class CliOutputTest {
  @TempDir Path dir;
  private TestApp app;
  private Path cli;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void appWithAnIncident() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    app =
        TestApp.start(
            dir,
            "sandbox: { enabled: true }\nsurvey: { delay: PT0S, quietHours: \"\", weekends: true }",
            clock);
    app.webhook(
        TestApp.closed(
            "INC-7", clock.instant(), "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}"));
    app.tick();
    app.deliver();
    sandbox("click", "{\"user\":\"dana@example.com\",\"actionId\":\"cl:s:1:rate:1\"}");
    sandbox("type", "{\"user\":\"dana@example.com\",\"text\":\"VPN\\u001b[31m still\\ndrops\"}");
    app.deliver();
    clock.advance(Duration.ofHours(5));
    cli = dir.resolve("cli.yml");
    Files.writeString(
        cli, "server: { port: " + app.port + " }\nadmin: { token: \"" + TestApp.TOKEN + "\" }\n");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private void sandbox(String path, String body) {
    app.postJson("/sandbox/api/" + path, body);
  }

  private Run run(String... args) {
    CliRunner.Captured c = CliRunner.captured(args);
    return new Run(c.code(), c.out(), c.err());
  }

  @Test
  void incidentsPrintATableByDefault() {
    Run r = run("incidents", "--config", cli.toString());
    assertThat(r.code()).isZero();
    var lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("SURVEY  TICKET  TITLE")
        .contains("REQUESTER", "SCORE", "FIXED", "OWNER", "AGE", "COMMENT");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .contains("INC-7", "VPN drops every hour", "Dana", "5h 0m")
        .as("the comment shows on one line, with no terminal escape")
        .contains("still drops")
        .doesNotContain("\u001b");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void incidentsWithJsonPrintTheAdminApiAnswer() throws Exception {
    Run r = run("incidents", "--json", "--config", cli.toString());
    assertThat(r.code()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.path("incidents")).hasSize(1);
    assertThat(json.path("incidents").get(0).path("ticketId").asText()).isEqualTo("INC-7");
    assertThat(json.path("incidents").get(0).path("score").asInt()).isEqualTo(1);
  }

  @Test
  void statsPrintsTheAdminStatsJsonOrTablesForPeople() throws Exception {
    // the contract: `stats` prints the /admin/stats JSON (before: a table unless --json)
    Run plain = run("stats", "--config", cli.toString());
    assertThat(plain.code()).isZero();
    assertThat(Json.MAPPER.readTree(plain.out()).path("responseRate").asDouble()).isEqualTo(1.0);

    Run table = run("stats", "--table", "--config", cli.toString());
    assertThat(table.code()).isZero();
    assertThat(table.out().lines().toList().get(0))
        .contains("CSAT", "RESPONSE RATE", "RATED", "ANSWERED", "SENT");
    assertThat(table.out()).containsPattern("(?m)^all +0% +100% +1 +1 +1 ");
    assertThat(table.out()).containsPattern("(?m)^TEAM ").containsPattern("(?m)^network ");

    Run json = run("stats", "--json", "--config", cli.toString());
    JsonNode figures = Json.MAPPER.readTree(json.out());
    assertThat(figures.path("responseRate").asDouble()).isEqualTo(1.0);
    assertThat(figures.has("byTeam")).isTrue();
  }

  @Test
  void outboxListPrintsATableOrJson() throws Exception {
    Run empty = run("outbox", "list", "--config", cli.toString());
    assertThat(empty.code()).isZero();
    assertThat(empty.out()).isEqualTo("No outbox rows.\n");
    Run json = run("outbox", "list", "--dead", "--json", "--config", cli.toString());
    assertThat(Json.MAPPER.readTree(json.out()).path("outbox").isArray()).isTrue();
  }

  @Test
  void exitCodesAreAsDocumented() throws Exception {
    Run unknownVerb = run("frobnicate");
    assertThat(unknownVerb.code()).isEqualTo(2);
    assertThat(unknownVerb.err()).contains("frobnicate");

    Run badValue = run("stats", "--since", "2026-13-01", "--config", cli.toString());
    assertThat(badValue.code()).isEqualTo(2);
    assertThat(badValue.err().lines().toList().get(0)).contains("--since");

    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "digest: { zone: Mars/Olympus }\n");
    Run invalid = run("incidents", "--config", bad.toString());
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err().lines()).hasSize(1);
    assertThat(invalid.err()).startsWith("invalid config: digest.zone: ");

    Path noToken = dir.resolve("no-token.yml");
    Files.writeString(noToken, "server: { port: " + app.port + " }\n");
    Run refused = run("incidents", "--config", noToken.toString());
    assertThat(refused.code()).as("the app runs, but the verb cannot ask it").isEqualTo(1);
    assertThat(refused.err().strip())
        .isEqualTo("the app is running; set admin.token so this command can ask it");

    Run nobody = run("erase-user", "nobody@example.com", "--config", cli.toString());
    assertThat(nobody.code()).isEqualTo(1);
    assertThat(nobody.err().lines()).hasSize(1);
  }
}
