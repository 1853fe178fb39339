package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatMessage.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackRendererTest {
  private final ObjectMapper json = new ObjectMapper();
  private final SlackRenderer renderer = new SlackRenderer(json);

  private JsonNode blocks(ChatMessage m) throws Exception {
    SlackRenderer.Rendered r = renderer.render(m);
    JsonNode blocks = json.readTree(r.blocksJson());
    assertThat(BlockKitRules.checkMessageBlocks(blocks)).as("Block Kit limits").isNull();
    return blocks;
  }

  @Test
  void userTextCannotPingOrFormat() throws Exception {
    String evil = "<!channel> <@U123> & <b>";
    ChatMessage m =
        new ChatMessage(
            evil,
            List.of(
                new ChatMessage.Header(evil),
                ChatMessage.Text.plain(evil),
                new ChatMessage.Card(
                    evil, "https://x.example/t?a=1&b=<2>", List.of(new Span.Bold(evil))),
                new ChatMessage.Actions(List.of(new Button("b", evil, "v", Button.Style.DEFAULT))),
                new ChatMessage.Context(evil)));
    SlackRenderer.Rendered r = renderer.render(m);
    String escaped = "&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;b&gt;";
    assertThat(r.text()).isEqualTo(escaped);
    JsonNode b = blocks(m);
    assertThat(b.get(0).at("/text/text").asText()).isEqualTo(escaped);
    assertThat(b.get(1).at("/text/text").asText()).isEqualTo(escaped);
    assertThat(b.get(2).at("/text/text").asText())
        .isEqualTo("*<https://x.example/t?a=1&amp;b=%3C2%3E|" + escaped + ">*\n*" + escaped + "*");
    assertThat(b.get(3).at("/elements/0/text/text").asText()).isEqualTo(escaped);
    assertThat(b.get(4).at("/elements/0/text").asText()).isEqualTo(escaped);
    assertThat(r.blocksJson()).doesNotContain("<!channel>", "<@U123>");
  }

  @Test
  void userTextCannotTurnTheRestOfTheLineAround() throws Exception {
    // a right-to-left override in a name showed what follows it on the digest line backwards
    // (" · Assignee: Alex" as "xelA :eengissA · "); embeddings and isolates are dropped too
    String name = "Dana\u202E \u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069";
    ChatMessage m =
        new ChatMessage(
            name,
            List.of(
                new ChatMessage.Header(name),
                new ChatMessage.Card(
                    name, null, List.of(new Span.Plain(name + " · Assignee: Alex")))));
    String all = renderer.render(m).text() + blocks(m).toString();
    assertThat(all).contains("Dana abcdefg").doesNotContainPattern("[\u202A-\u202E\u2066-\u2069]");
  }

  @Test
  void unsafeLinksRenderAsTheirLabelOnly() {
    assertThat(SlackText.link("javascript:alert(1)", "click")).isEqualTo("click");
    assertThat(SlackText.link("https://ok.example/a|b c", "go"))
        .isEqualTo("<https://ok.example/a%7Cb%20c|go>");
    assertThat(SlackText.link("not a url", "x<y")).isEqualTo("x&lt;y");
  }

  @Test
  void onlyHttpUrlsBecomeLinks() {
    assertThat(SlackText.link("JavaScript:alert(1)", "t")).isEqualTo("t");
    assertThat(SlackText.link("mailto:ceo@example.com", "t")).isEqualTo("t");
    assertThat(SlackText.link("data:text/html,<b>x</b>", "t")).isEqualTo("t");
    assertThat(SlackText.link("https:no-host", "t")).isEqualTo("t");
    assertThat(SlackText.link("HTTPS://help.example.com/t/1", "t"))
        .isEqualTo("<HTTPS://help.example.com/t/1|t>");
  }

  @Test
  void surveyButtonsCarryTheirValuesAndStyles() throws Exception {
    List<Button> ratings =
        IntStream.rangeClosed(1, 5)
            .mapToObj(
                i ->
                    new Button(
                        "rate:" + i,
                        Integer.toString(i),
                        Integer.toString(i),
                        i == 5 ? Button.Style.PRIMARY : Button.Style.DEFAULT))
            .toList();
    JsonNode b =
        blocks(
            new ChatMessage(
                "survey",
                List.of(
                    new ChatMessage.Actions(ratings),
                    new ChatMessage.Actions(
                        List.of(
                            new Button("stop", "Stop asking me", "stop", Button.Style.DANGER))))));
    JsonNode row = b.get(0).get("elements");
    assertThat(row).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(row.get(i).get("action_id").asText()).isEqualTo("rate:" + (i + 1));
      assertThat(row.get(i).get("value").asText()).isEqualTo(Integer.toString(i + 1));
    }
    assertThat(row.get(4).get("style").asText()).isEqualTo("primary");
    assertThat(row.get(0).has("style")).isFalse();
    assertThat(b.get(1).at("/elements/0/style").asText()).isEqualTo("danger");
  }

  @Test
  void longTextIsCutToSlackLimits() throws Exception {
    String longText = "&".repeat(5000);
    JsonNode b =
        blocks(
            new ChatMessage(
                longText,
                List.of(
                    new ChatMessage.Header("h".repeat(400)),
                    ChatMessage.Text.plain(longText),
                    new ChatMessage.Actions(
                        List.of(new Button("b", "l".repeat(200), "v", null))))));
    String header = b.get(0).at("/text/text").asText();
    assertThat(header).hasSize(150).endsWith("…");
    String section = b.get(1).at("/text/text").asText();
    assertThat(section.length()).isLessThanOrEqualTo(3000);
    assertThat(section).endsWith("&amp;…"); // never half an entity
    assertThat(b.get(2).at("/elements/0/text/text").asText()).hasSize(75);
  }

  @Test
  void moreThan25ButtonsAreSplitIntoRows() throws Exception {
    List<Button> many =
        IntStream.range(0, 30).mapToObj(i -> new Button("b" + i, "B" + i, "v" + i, null)).toList();
    JsonNode b = blocks(new ChatMessage("x", List.of(new ChatMessage.Actions(many))));
    assertThat(b).hasSize(2);
    assertThat(b.get(0).get("elements")).hasSize(25);
    assertThat(b.get(1).get("elements")).hasSize(5);
  }

  @Test
  void aMessageOverFiftyBlocksIsRefusedNotCut() {
    List<ChatMessage.Block> blocks = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      blocks.add(ChatMessage.Text.plain("entry " + i));
    }
    assertThatThrownBy(() -> renderer.render(new ChatMessage("digest", blocks)))
        .isInstanceOf(SlackRenderer.TooManyBlocks.class)
        .hasMessageContaining("51");
    assertThat(renderer.render(new ChatMessage("digest", blocks.subList(0, 50))).blockCount())
        .isEqualTo(50);
  }
}
