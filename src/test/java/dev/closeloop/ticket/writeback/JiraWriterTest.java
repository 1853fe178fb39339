package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.testing.FloodingServer;
import dev.closeloop.testing.StallingServer;
import dev.closeloop.ticket.poll.CappedBody;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JiraWriterTest extends WriterTestSupport {
  private static final String AUTH = basic("ops@acme.example", "atl-token");

  private JiraWriter writer(String reopenTransition, boolean createRequests) {
    return writer(baseUrl(), TIMEOUT, reopenTransition, createRequests);
  }

  /** A writer of notes to the Jira at {@code url}, waiting at most {@code timeout} for answers. */
  private JiraWriter writer(String url, Duration timeout) {
    return writer(url, timeout, "", false);
  }

  private JiraWriter writer(
      String url, Duration timeout, String reopenTransition, boolean createRequests) {
    return new JiraWriter(
        new Helpdesks.Jira(
            "",
            url,
            "ops@acme.example",
            "atl-token",
            "",
            "",
            Duration.ofDays(1),
            new Helpdesks.JiraWriteBack(true, "ask", true, createRequests, reopenTransition)),
        http,
        timeout,
        clock);
  }

  private TicketRef sup1() {
    return new TicketRef("SUP-1", "https://acme.atlassian.net/browse/SUP-1");
  }

  private void issue(String statusCategory, String projectType) {
    server.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/SUP-1"))
            .withQueryParam("fields", equalTo("status,project,issuetype,reporter"))
            .willReturn(
                okJson(
                    """
                    {"id":"10001","key":"SUP-1","fields":{
                      "status":{"name":"X","statusCategory":{"key":"%s"}},
                      "project":{"key":"SUP","projectTypeKey":"%s"},
                      "issuetype":{"id":"10004","name":"Task"},
                      "reporter":{"accountId":"5b10ac8d82e05b22cc7d4ef5"}}}
                    """
                        .formatted(statusCategory, projectType))));
  }

  private void commentCreated() {
    server.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue/SUP-1/comment"))
            .willReturn(okJson("{\"id\":\"10050\"}").withStatus(201)));
  }

  @Test
  void aHelpdeskThatNeverFinishesItsAnswerIsAbandonedAfterTheTimeoutAndRetried() {
    try (StallingServer stalling = new StallingServer()) { // headers at once, then the body stalls
      JiraWriter bounded = writer(stalling.baseUrl(), Duration.ofMillis(300));

      WriteOutcome outcome = bounded.write(note(sup1()));

      assertThat(outcome).isInstanceOf(WriteOutcome.Retry.class);
      assertThat(((WriteOutcome.Retry) outcome).reason()).contains("did not answer");
    }
  }

  @ParameterizedTest(name = "Content-Length declared: {0}")
  @ValueSource(booleans = {true, false})
  void anAnswerOverTheCapIsRetriedLaterInsteadOfFillingTheMemory(boolean declared) {
    try (FloodingServer flood = new FloodingServer(CappedBody.WRITE_BACK + 1024 * 1024, declared)) {
      JiraWriter writer = writer(flood.baseUrl(), TIMEOUT);

      WriteOutcome outcome = writer.write(note(sup1()));

      // a Retry: the outbox tries again with backoff and dead-letters it after maxAttempts
      assertThat(outcome).isInstanceOf(WriteOutcome.Retry.class);
      assertThat(((WriteOutcome.Retry) outcome).reason()).contains("more than 8 MiB");
    }
  }

  @Test
  void noteIsAnAdfCommentCarryingTheMarker() {
    issue("done", "software");
    commentCreated();
    Write.Note note = note(sup1());

    WriteOutcome outcome = writer("", false).write(note);

    assertThat(outcome)
        .isEqualTo(Done.of("10050", baseUrl() + "/browse/SUP-1?focusedCommentId=10050"));
    LoggedRequest sent = only(RequestMethod.POST, "/rest/api/3/issue/SUP-1/comment");
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode doc = body(sent).path("body");
    assertThat(doc.path("type").asText()).isEqualTo("doc");
    assertThat(doc.path("version").asInt()).isEqualTo(1);
    assertThat(doc.toString())
        .contains("\"text\":\"Comment: the VPN still drops\"")
        .contains("\"href\":\"https://closeloop.example/s/41\"")
        .contains("(" + note.marker() + ")");
  }

  @Test
  void noteOnAServiceDeskRequestIsAnInternalComment() {
    issue("done", "service_desk");
    server.stubFor(
        post(urlPathEqualTo("/rest/servicedeskapi/request/SUP-1/comment"))
            .willReturn(okJson("{\"id\":\"1000\",\"public\":false}").withStatus(201)));
    Write.FollowUp followUp = followUp(sup1());

    WriteOutcome outcome = writer("", false).write(followUp);

    assertThat(outcome).isInstanceOf(Done.class);
    JsonNode sent = body(only(RequestMethod.POST, "/rest/servicedeskapi/request/SUP-1/comment"));
    assertThat(sent.path("public").asBoolean(true)).isFalse();
    assertThat(sent.path("body").asText())
        .startsWith("Alex followed up on 24 Nov")
        .endsWith("(" + followUp.marker() + ")");
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/SUP-1/comment"))))
        .isEmpty();
  }

  @Test
  void reopenRunsTheTransitionNamedInTheConfigThenAddsTheNote() {
    issue("done", "software");
    server.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/SUP-1/transitions"))
            .willReturn(
                okJson(
                    """
                    {"transitions":[
                      {"id":"21","name":"Close","to":{"statusCategory":{"key":"done"}}},
                      {"id":"31","name":"Reopen issue","to":{"statusCategory":{"key":"new"}}}]}
                    """)));
    server.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue/SUP-1/transitions"))
            .willReturn(aResponse().withStatus(204)));
    commentCreated();

    WriteOutcome outcome = writer("reopen ISSUE", false).write(reopen(sup1()));

    assertThat(outcome).isEqualTo(Done.of("SUP-1", baseUrl() + "/browse/SUP-1"));
    LoggedRequest transition = only(RequestMethod.POST, "/rest/api/3/issue/SUP-1/transitions");
    assertThat(body(transition).at("/transition/id").asText()).isEqualTo("31");
    assertThat(transition.getHeader("Authorization")).isEqualTo(AUTH);
    LoggedRequest comment = only(RequestMethod.POST, "/rest/api/3/issue/SUP-1/comment");
    assertThat(transition.getLoggedDate()).isBeforeOrEqualTo(comment.getLoggedDate());
  }

  @Test
  void aTransitionIdIsUsedWithoutLookingItUp() {
    issue("done", "software");
    server.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue/SUP-1/transitions"))
            .willReturn(aResponse().withStatus(204)));
    commentCreated();

    assertThat(writer("31", false).write(reopen(sup1()))).isInstanceOf(Done.class);

    assertThat(body(only(RequestMethod.POST, "/rest/api/3/issue/SUP-1/transitions")).toString())
        .isEqualTo("{\"transition\":{\"id\":\"31\"}}");
    assertThat(
            server.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/issue/SUP-1/transitions"))))
        .isEmpty();
  }

  @Test
  void reopeningAnIssueThatIsNotDoneOnlyAddsTheNote() {
    issue("indeterminate", "software");
    commentCreated();

    WriteOutcome outcome = writer("31", false).write(reopen(sup1()));

    assertThat(outcome).isEqualTo(new Done("SUP-1", baseUrl() + "/browse/SUP-1", true));
    assertThat(
            server.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/SUP-1/transitions"))))
        .isEmpty();
  }

  @Test
  void noMatchingTransitionIsRejectedNamingWhatIsAvailable() {
    issue("done", "software");
    server.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/SUP-1/transitions"))
            .willReturn(
                okJson(
                    "{\"transitions\":[{\"id\":\"21\",\"name\":\"Archive\","
                        + "\"to\":{\"statusCategory\":{\"key\":\"done\"}}}]}")));

    WriteOutcome outcome = writer("", false).write(reopen(sup1()));

    assertThat(outcome).isInstanceOf(WriteOutcome.Rejected.class);
    assertThat(((WriteOutcome.Rejected) outcome).reason())
        .contains("out of the Done category", "Archive", "reopenTransition");
  }

  @Test
  void requestCreatesAnIssueForTheReporterLinkedToTheOriginal() {
    issue("done", "software");
    server.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue"))
            .willReturn(okJson("{\"id\":\"10002\",\"key\":\"SUP-2\"}").withStatus(201)));
    Write.Request request = request(sup1());

    WriteOutcome outcome = writer("", true).write(request);

    assertThat(outcome).isEqualTo(Done.of("SUP-2", baseUrl() + "/browse/SUP-2"));
    LoggedRequest sent = only(RequestMethod.POST, "/rest/api/3/issue");
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode fields = body(sent).path("fields");
    assertThat(fields.at("/project/key").asText()).isEqualTo("SUP");
    assertThat(fields.at("/issuetype/id").asText()).isEqualTo("10004");
    assertThat(fields.at("/reporter/accountId").asText()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
    assertThat(fields.path("summary").asText()).isEqualTo("New laptop charger");
    assertThat(fields.path("labels").get(0).asText()).isEqualTo(request.marker());
    assertThat(fields.path("description").toString())
        .contains("My laptop charger is broken too")
        .contains("https://acme.atlassian.net/browse/SUP-1");
    JsonNode link = body(sent).at("/update/issuelinks/0/add");
    assertThat(link.at("/type/name").asText()).isEqualTo("Relates");
    assertThat(link.at("/outwardIssue/key").asText()).isEqualTo("SUP-1");
  }

  @Test
  void lookUpFindsANoteByItsMarkerAmongTheComments() {
    Write.Note written = note(sup1());
    server.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/SUP-1/comment"))
            .withQueryParam("orderBy", equalTo("-created"))
            .willReturn(
                okJson(
                    """
                    {"comments":[
                      {"id":"10049","body":{"type":"doc","content":[{"type":"paragraph",
                        "content":[{"type":"text","text":"an agent's comment"}]}]}},
                      {"id":"10050","body":{"type":"doc","content":[{"type":"paragraph",
                        "content":[{"type":"text","text":"(%s)"}]}]}}]}
                    """
                        .formatted(written.marker()))));

    assertThat(writer("", false).lookUp(written))
        .isEqualTo(
            new LookUp.Written(
                Done.of("10050", baseUrl() + "/browse/SUP-1?focusedCommentId=10050")));
    assertThat(writer("", false).lookUp(followUp(sup1()))).isEqualTo(new LookUp.NotWritten());
  }

  @Test
  void lookUpFindsACreatedIssueByItsLabel() {
    Write.Request request = request(sup1());
    server.stubFor(
        get(urlPathEqualTo("/rest/api/3/search/jql"))
            .withQueryParam("jql", equalTo("labels = \"" + request.marker() + "\""))
            .willReturn(
                okJson("{\"issues\":[{\"id\":\"10002\",\"key\":\"SUP-2\"}],\"isLast\":true}")));

    assertThat(writer("", true).lookUp(request))
        .isEqualTo(new LookUp.Written(Done.of("SUP-2", baseUrl() + "/browse/SUP-2")));
  }

  @Test
  void forbiddenCommentNamesTheMissingPermission() {
    issue("done", "software");
    server.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue/SUP-1/comment"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"errorMessages\":[\"You do not have permission to comment\"]}")));

    WriteOutcome outcome = writer("", false).write(note(sup1()));

    assertThat(outcome).isInstanceOf(WriteOutcome.Denied.class);
    assertThat(((WriteOutcome.Denied) outcome).reason())
        .contains("Add Comments")
        .contains("POST /rest/api/3/issue/SUP-1/comment")
        .contains("You do not have permission to comment");
  }

  @Test
  void probeSaysWhichPermissionIsMissing() {
    server.stubFor(
        get(urlPathEqualTo("/rest/api/3/myself"))
            .willReturn(okJson("{\"accountId\":\"1\",\"emailAddress\":\"ops@acme.example\"}")));
    server.stubFor(
        get(urlPathEqualTo("/rest/api/3/mypermissions"))
            .withQueryParam(
                "permissions", equalTo("BROWSE_PROJECTS,ADD_COMMENTS,TRANSITION_ISSUES"))
            .willReturn(
                okJson(
                    """
                    {"permissions":{
                      "BROWSE_PROJECTS":{"havePermission":true},
                      "ADD_COMMENTS":{"havePermission":true},
                      "TRANSITION_ISSUES":{"havePermission":false}}}
                    """)));

    ProbeReport report = writer("", false).probe();

    assertThat(report.ok()).isFalse();
    List<String> missing =
        report.findings().stream().filter(f -> !f.ok()).map(ProbeReport.Finding::text).toList();
    assertThat(missing).hasSize(1);
    assertThat(missing.get(0)).contains("Transition Issues");
    assertThat(report.findings().get(0).text()).contains("ops@acme.example");
  }
}
