package dev.closeloop.ticket.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.config.Helpdesks;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A helpdesk whose paging loops (the same cursor, page token or next link again, or a cycle) or
 * never ends, through the real pollers against WireMock on 127.0.0.1. Before, each of these runs
 * asked for pages forever: the test's store stops a runaway run at its 1,500th commit.
 */
class PagingLoopTest extends WireMockSupport {
  private static final int RUNAWAY = 1500;

  /** The query parameters of each request the helpdesk received, in order. */
  private List<Map<String, String>> requests() {
    List<Map<String, String>> newestFirst =
        server.getAllServeEvents().stream()
            .map(e -> query(java.net.URI.create(e.getRequest().getUrl()).getRawQuery()))
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  // ---- Zendesk: after_cursor

  private static String zendeskPage(String after, boolean end) {
    return ("{\"tickets\":[{\"id\":1,\"status\":\"open\",\"subject\":\"t\"}],\"users\":[],\"groups\":[],"
        + "\"after_cursor\":\""
        + after
        + "\",\"end_of_stream\":"
        + end
        + "}");
  }

  private Helpdesks.Zendesk zendesk() {
    return new Helpdesks.Zendesk(
        "", baseUrl(), "acme", "ops@acme.example", "t", "PT5M", Duration.ofDays(1));
  }

  @Test
  void zendeskAfterCursorThatRepeatsStopsTheRun() {
    // every page says "more, from A"
    server.stubFor(get(anyUrl()).willReturn(okJson(zendeskPage("A", false))));
    FakeStore store = new FakeStore().dieOnCommit(RUNAWAY);

    assertThatThrownBy(() -> new ZendeskPoller(zendesk(), context(store)).pollOnce())
        .isInstanceOf(PollException.class)
        .hasMessageContaining("zendesk: the helpdesk's next page is one this run already fetched");
    assertThat(requests()).hasSize(2); // the first page, then cursor=A, which names A again
    assertThat(store.cursors).containsEntry("zendesk", "A"); // what was fetched stays committed
  }

  @Test
  void zendeskCursorCycleStopsTheRun() {
    // A -> B -> C -> B: a cycle that does not start at the first page
    Map<String, String> nextOf = Map.of("A", "B", "B", "C", "C", "B");
    nextOf.forEach(
        (cursor, next) ->
            server.stubFor(
                get(anyUrl())
                    .withQueryParam("cursor", equalTo(cursor))
                    .willReturn(okJson(zendeskPage(next, false)))));
    FakeStore store = new FakeStore().dieOnCommit(RUNAWAY);
    store.cursors.put("zendesk", "A");

    assertThatThrownBy(() -> new ZendeskPoller(zendesk(), context(store)).pollOnce())
        .isInstanceOf(PollException.class)
        .hasMessageContaining("already fetched");
    assertThat(requests()).extracting(q -> q.get("cursor")).containsExactly("A", "B", "C");
  }

  @Test
  void zendeskStreamThatNeverEndsStopsAfterThePageCapAndTheNextRunGoesOn() {
    // a new cursor every time, never the end
    server.stubFor(
        get(anyUrl())
            .willReturn(
                okJson(zendeskPage("{{randomValue length=24 type='ALPHANUMERIC'}}", false))
                    .withTransformers("response-template")));
    FakeStore store = new FakeStore().dieOnCommit(RUNAWAY);
    ZendeskPoller poller = new ZendeskPoller(zendesk(), context(store));

    PollReport first = poller.pollOnce();
    assertThat(first.pages()).isEqualTo(PageWalk.MAX_PAGES);
    assertThat(requests()).hasSize(PageWalk.MAX_PAGES);
    String committed = store.cursors.get("zendesk");
    assertThat(committed).isEqualTo(first.cursor()).hasSize(24);

    server.resetRequests();
    FakeStore next = new FakeStore().dieOnCommit(RUNAWAY);
    next.cursors.put("zendesk", committed);
    new ZendeskPoller(zendesk(), context(next)).pollOnce();
    assertThat(requests().get(0)).containsEntry("cursor", committed);
  }

  // ---- Jira: nextPageToken

  private static final String JIRA_ISSUE =
      "{\"key\":\"IT-3\",\"self\":\"https://acme.atlassian.net/rest/api/3/issue/10003\","
          + "\"fields\":{\"project\":{\"key\":\"IT\"},\"components\":[],"
          + "\"resolution\":{\"name\":\"Done\"},\"resolutiondate\":\"2026-11-24T11:15:00.000+0100\","
          + "\"summary\":\"Ticket 3\",\"status\":{\"statusCategory\":{\"key\":\"done\"}},"
          + "\"reporter\":{\"emailAddress\":\"p3@example.com\"}}}";

  @Test
  void jiraNextPageTokenThatRepeatsStopsTheRun() {
    server.stubFor(
        get(anyUrl())
            .willReturn(okJson("{\"issues\":[" + JIRA_ISSUE + "],\"nextPageToken\":\"same\"}")));
    FakeStore store = new FakeStore().dieOnCommit(RUNAWAY);
    Helpdesks.Jira config =
        new Helpdesks.Jira("", baseUrl(), "ops@acme.example", "t", "", "PT5M", Duration.ofDays(1));

    assertThatThrownBy(() -> new JiraPoller(config, context(store)).pollOnce())
        .isInstanceOf(PollException.class)
        .hasMessageContaining("jira: the helpdesk's next page is one this run already fetched");
    assertThat(requests()).extracting(q -> q.get("nextPageToken")).containsExactly(null, "same");
  }

  // ---- ServiceNow: Link rel="next"

  @Test
  void serviceNowNextLinksThatCycleStopTheRun() {
    // offset 0 -> 500 -> 1000 -> 500 -> …
    Map<String, Integer> nextOf = Map.of("0", 500, "500", 1000, "1000", 500);
    nextOf.forEach(
        (offset, next) ->
            server.stubFor(
                get(anyUrl())
                    .withQueryParam(
                        "sysparm_offset", offset.equals("0") ? absent() : equalTo(offset))
                    .willReturn(
                        aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withHeader(
                                "Link",
                                "<"
                                    + baseUrl()
                                    + "/api/now/table/incident?sysparm_limit=500&sysparm_offset="
                                    + next
                                    + ">;rel=\"next\"")
                            .withBody(
                                "{\"result\":[{\"sys_id\":\"a"
                                    + offset
                                    + "\",\"number\":\"INC00"
                                    + (10000 + Integer.parseInt(offset))
                                    + "\",\"short_description\":\"x\",\"state\":\"7\","
                                    + "\"resolved_at\":\"2026-11-24 09:20:00\","
                                    + "\"caller_id.email\":\"c@example.com\","
                                    + "\"sys_updated_on\":\"2026-11-24 09:20:00\"}]}"))));
    FakeStore store = new FakeStore().dieOnCommit(RUNAWAY);
    Helpdesks.ServiceNow config =
        new Helpdesks.ServiceNow(
            "", baseUrl(), "u", "p", "incident", "", "PT5M", Duration.ofDays(1));

    assertThatThrownBy(() -> new ServiceNowPoller(config, context(store)).pollOnce())
        .isInstanceOf(PollException.class)
        .hasMessageContaining(
            "servicenow: the helpdesk's next page is one this run already fetched");
    assertThat(requests())
        .extracting(q -> q.get("sysparm_offset"))
        .containsExactly(null, "500", "1000");
  }
}
