package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceNowWriterTest extends WriterTestSupport {
  private static final String SYS_ID = "9d385017c611228701d22104cc95c371";
  private static final String RECORD = "/api/now/table/incident/" + SYS_ID;
  private static final String AUTH = basic("closeloop.bot", "sn-pass");

  private ServiceNowWriter writer() {
    return new ServiceNowWriter(
        new Helpdesks.ServiceNow(
            "", baseUrl(), "closeloop.bot", "sn-pass", "incident", "", "", Duration.ofDays(1)),
        http,
        TIMEOUT,
        clock);
  }

  private final TicketRef linked =
      new TicketRef(
          "INC0010001", "https://acme.service-now.com/nav_to.do?uri=incident.do?sys_id=" + SYS_ID);

  private void record(String state) {
    server.stubFor(
        get(urlPathEqualTo(RECORD))
            .withQueryParam("sysparm_fields", equalTo("sys_id,number,state,caller_id"))
            .willReturn(
                okJson(
                    """
                    {"result":{"sys_id":"%s","number":"INC0010001","state":"%s",
                               "caller_id":"5137153cc611227c000bbd1bd8cd2005"}}
                    """
                        .formatted(SYS_ID, state))));
  }

  private void patched() {
    server.stubFor(
        patch(urlPathEqualTo(RECORD))
            .willReturn(okJson("{\"result\":{\"sys_id\":\"" + SYS_ID + "\"}}")));
  }

  private String link(String sysId) {
    return baseUrl() + "/nav_to.do?uri=incident.do?sys_id=" + sysId;
  }

  @Test
  void noteIsAWorkNoteOnTheRecordOfTheLink() {
    record("6");
    patched();
    Write.Note note = note(linked);

    WriteOutcome outcome = writer().write(note);

    assertThat(outcome).isEqualTo(Done.of("INC0010001", link(SYS_ID)));
    LoggedRequest sent = only(RequestMethod.PATCH, RECORD);
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode b = body(sent);
    assertThat(b.has("state")).isFalse();
    assertThat(b.path("work_notes").asText())
        .startsWith("Survey: not fixed")
        .endsWith("(" + note.marker() + ")");
  }

  @Test
  void anEmptyTableWritesToTheDefaultIncidentTable() {
    // `table: ""` is accepted by check-config and polls `incident`; the writer PATCHed
    // /api/now/table//{sys_id}
    record("6");
    patched();
    ServiceNowWriter blank =
        new ServiceNowWriter(
            new Helpdesks.ServiceNow(
                "", baseUrl(), "closeloop.bot", "sn-pass", "", "", "", Duration.ofDays(1)),
            http,
            TIMEOUT,
            clock);

    assertThat(blank.write(note(linked))).isEqualTo(Done.of("INC0010001", link(SYS_ID)));
    only(RequestMethod.PATCH, RECORD);
  }

  @Test
  void aCodeTagInTheRequestersWordsIsNotMarkupInTheWorkNote() {
    // ServiceNow shows journal text between [code] and [/code] as HTML: a requester's comment
    // could put a link or an image into the agents' activity stream
    record("6");
    patched();
    String comment =
        "[code]<a href=\"https://evil.example\">reset here</a>[/code] [ CODE ]x[/Code]";
    Write.Note note =
        new Write.Note(
            "wb-42-note",
            linked,
            "Survey: not fixed, 1/5.\nComment: " + comment,
            new Write.SurveyResult(false, 1, comment, null, null));

    writer().write(note);

    String sent = body(only(RequestMethod.PATCH, RECORD)).path("work_notes").asText();
    assertThat(sent.toLowerCase(java.util.Locale.ROOT))
        .doesNotContainPattern("\\[\\s*/?\\s*code\\s*\\]")
        .contains("<a href=\"https://evil.example\">reset here</a>");
  }

  @Test
  void withoutALinkTheRecordIsFoundByNumber() {
    server.stubFor(
        get(urlPathEqualTo("/api/now/table/incident"))
            .withQueryParam("sysparm_query", equalTo("number=INC0010001"))
            .willReturn(
                okJson(
                    "{\"result\":[{\"sys_id\":\""
                        + SYS_ID
                        + "\",\"number\":\"INC0010001\",\"state\":\"2\"}]}")));
    patched();

    WriteOutcome outcome = writer().write(followUp(new TicketRef("INC0010001", null)));

    assertThat(outcome).isEqualTo(Done.of("INC0010001", link(SYS_ID)));
    assertThat(body(only(RequestMethod.PATCH, RECORD)).path("work_notes").asText())
        .contains("replaced the cable");
  }

  @Test
  void anUnknownNumberIsGone() {
    server.stubFor(
        get(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson("{\"result\":[]}")));

    assertThat(writer().write(note(new TicketRef("INC0099999", null))))
        .isInstanceOf(WriteOutcome.Gone.class);
  }

  @Test
  void reopenOfAResolvedIncidentSetsInProgressWithTheWorkNote() {
    record("6");
    patched();

    WriteOutcome outcome = writer().write(reopen(linked));

    assertThat(outcome).isEqualTo(Done.of("INC0010001", link(SYS_ID)));
    JsonNode b = body(only(RequestMethod.PATCH, RECORD));
    assertThat(b.path("state").asText()).isEqualTo("2");
    assertThat(b.path("work_notes").asText()).contains("not fixed");
  }

  @Test
  void reopenOfAnIncidentOnHoldOnlyAddsTheWorkNote() {
    record("3");
    patched();

    WriteOutcome outcome = writer().write(reopen(linked));

    assertThat(outcome).isEqualTo(new Done("INC0010001", link(SYS_ID), true));
    assertThat(body(only(RequestMethod.PATCH, RECORD)).has("state")).isFalse();
  }

  @Test
  void requestCreatesAnIncidentForTheSameCallerWithTheMarkerAsCorrelationId() {
    record("7");
    String created = "a9e9c33dc61122760072455df62663d2";
    server.stubFor(
        post(urlPathEqualTo("/api/now/table/incident"))
            .willReturn(
                okJson("{\"result\":{\"sys_id\":\"" + created + "\",\"number\":\"INC0010002\"}}")
                    .withStatus(201)));
    Write.Request request = request(linked);

    WriteOutcome outcome = writer().write(request);

    assertThat(outcome).isEqualTo(Done.of("INC0010002", link(created)));
    LoggedRequest sent = only(RequestMethod.POST, "/api/now/table/incident");
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode b = body(sent);
    assertThat(b.path("caller_id").asText()).isEqualTo("5137153cc611227c000bbd1bd8cd2005");
    assertThat(b.path("correlation_id").asText()).isEqualTo(request.marker());
    assertThat(b.path("short_description").asText()).isEqualTo("New laptop charger");
    assertThat(b.path("description").asText()).contains("INC0010001: https://acme.service-now");
  }

  @Test
  void lookUpReadsTheWorkNotesAndTheCorrelationId() {
    record("2");
    Write.Note note = note(linked);
    server.stubFor(
        get(urlPathEqualTo(RECORD))
            .withQueryParam("sysparm_fields", equalTo("work_notes"))
            .withQueryParam("sysparm_display_value", equalTo("true"))
            .willReturn(
                okJson(
                    "{\"result\":{\"work_notes\":\"2026-11-24 10:05:00 - Closeloop Bot (Work"
                        + " notes)\\nSurvey…\\n\\n("
                        + note.marker()
                        + ")\\n\\n\"}}")));
    Write.Request request = request(linked);
    server.stubFor(
        get(urlPathEqualTo("/api/now/table/incident"))
            .withQueryParam("sysparm_query", equalTo("correlation_id=" + request.marker()))
            .willReturn(okJson("{\"result\":[]}")));

    assertThat(writer().lookUp(note))
        .isEqualTo(new LookUp.Written(Done.of("INC0010001", link(SYS_ID))));
    assertThat(writer().lookUp(reopen(linked))).isEqualTo(new LookUp.NotWritten());
    assertThat(writer().lookUp(request)).isEqualTo(new LookUp.NotWritten());
  }

  @Test
  void forbiddenNamesTheItilRole() {
    record("6");
    server.stubFor(
        patch(urlPathEqualTo(RECORD))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"ACL Exception"
                            + " Update Failed due to security constraints\"},\"status\":\"failure\"}")));

    WriteOutcome outcome = writer().write(note(linked));

    assertThat(outcome).isInstanceOf(WriteOutcome.Denied.class);
    assertThat(((WriteOutcome.Denied) outcome).reason())
        .contains("itil", "work_notes", "ACL Exception");
  }

  @Test
  void probeSaysWhenTheUserHasNoItilRole() {
    server.stubFor(
        get(urlPathEqualTo("/api/now/table/incident"))
            .withQueryParam("sysparm_limit", equalTo("1"))
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(okJson("{\"result\":[{\"sys_id\":\"" + SYS_ID + "\"}]}")));
    server.stubFor(
        get(urlPathEqualTo("/api/now/table/sys_user_has_role"))
            .withQueryParam(
                "sysparm_query",
                equalTo("user.user_name=closeloop.bot^role.nameINitil,sn_incident_write,admin"))
            .willReturn(okJson("{\"result\":[]}")));

    ProbeReport report = writer().probe();

    assertThat(report.ok()).isFalse();
    assertThat(report.findings().get(0).ok()).isTrue();
    assertThat(report.findings().get(1).text()).contains("itil");
  }
}
