package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The requester's side of the sandbox chat, through its HTTP API, for end-to-end tests. */
final class SandboxChat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestApp app;

  SandboxChat(TestApp app) {
    this.app = app;
  }

  HttpResponse<String> call(String path, String body) {
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

  /** The messages of one conversation ({@code dm:<user>} or {@code channel:<id>}), in order. */
  List<JsonNode> messages(String conversation) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(call("messages", null).body()).get("messages")) {
      if (m.get("conversation").asText().equals(conversation)) {
        out.add(m);
      }
    }
    return out;
  }

  /** What one conversation shows, as text: every message's blocks, buttons included. */
  String dm(String user) throws Exception {
    return messages("dm:" + user).toString();
  }

  /** Clicks a button as {@code user}, then delivers what it queued (chat and helpdesk). */
  String click(String user, String actionId) {
    HttpResponse<String> r =
        call(
            "click",
            JSON.createObjectNode()
                .put("user", user)
                .put("userName", user)
                .put("actionId", actionId)
                .toString());
    assertThat(r.statusCode()).isEqualTo(200);
    deliver();
    return r.body();
  }

  /** Types a reply as {@code user}, then delivers what it queued. */
  void type(String user, String text) {
    assertThat(
            call("type", JSON.createObjectNode().put("user", user).put("text", text).toString())
                .statusCode())
        .isEqualTo(200);
    deliver();
  }

  /**
   * Runs the outbox until it is quiet: a helpdesk write's outcome queues a chat reply that goes out
   * on the next run.
   */
  void deliver() {
    for (int i = 0; i < 3; i++) {
      app.deliver();
    }
  }
}
