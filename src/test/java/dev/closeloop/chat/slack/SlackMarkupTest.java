package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.MarkupRules;
import dev.closeloop.chat.MessageCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message Closeloop can send, in six languages and with hostile user text, rendered for
 * Slack: every mrkdwn string it produces passes the checker of Slack's rules.
 */
class SlackMarkupTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyRenderedMessageRendersAsMeant() throws Exception {
    SlackRenderer renderer = new SlackRenderer(JSON);
    List<String> problems = new ArrayList<>();
    List<ChatMessage> corpus = MessageCorpus.all();
    for (ChatMessage m : corpus) {
      SlackRenderer.Rendered r = renderer.render(m);
      problems.addAll(MarkupRules.slack(r.text()));
      collect(JSON.readTree(r.blocksJson()), problems);
    }
    assertThat(corpus).hasSizeGreaterThan(500);
    assertThat(problems).isEmpty();
  }

  @Test
  void boldKeepsSpacesOutsideAndUserMarkersCannotPairWithOurs() {
    String rendered =
        new SlackRenderer(JSON)
            .render(
                new ChatMessage(
                    "x",
                    List.of(
                        new ChatMessage.Text(
                            List.of(
                                new ChatMessage.Span.Bold("Your request: "),
                                new ChatMessage.Span.Plain("No, that is all ~5 EUR great*"))))))
            .blocksJson();
    assertThat(rendered).contains("*Your request:* No, that is all ∼5 EUR great∗");
  }

  private static void collect(JsonNode node, List<String> problems) {
    if (node.isObject()) {
      if ("mrkdwn".equals(node.path("type").asText())) {
        problems.addAll(MarkupRules.slack(node.path("text").asText()));
      }
      node.elements().forEachRemaining(n -> collect(n, problems));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> collect(n, problems));
    }
  }
}
