package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.digest.Figures;
import dev.closeloop.fuzz.Hostile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The blocks are written straight to JSON text; they are the very text the renderer gave when it
 * built them as a Jackson tree first and serialised it ({@link #asTree}, the former code, kept here
 * as the reference): same fields, same order, same escaping, for any text.
 */
class SlackBlocksJsonPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SlackRenderer renderer = new SlackRenderer(JSON);

  @Property(tries = 300)
  void blocksAreTheTextTheTreeGave(@ForAll("messages") ChatMessage m) {
    assertThat(renderer.render(m).blocksJson()).isEqualTo(asTree(m));
  }

  @Test
  void aDigestPageIsTheTextTheTreeGave() {
    Instant now = Instant.parse("2026-11-27T09:00:00Z");
    List<DigestEntry> fresh = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      fresh.add(
          new DigestEntry(
              i,
              "INC-" + i,
              "https://help.example.com/t/INC-" + i,
              "VPN <drops> & \"reconnects\" " + i,
              "Zoë " + i,
              "Alex",
              "network",
              1 + i % 2,
              false,
              "Still broken <!channel> — ça ne marche pas " + i,
              i % 3 == 0 ? "call me \\ back" : null,
              true,
              now.minusSeconds(3600L * i),
              null,
              null,
              null,
              null,
              null,
              "fr",
              DigestEntry.Helpdesk.NONE,
              "fr"));
    }
    DigestBuilder.Result r =
        new DigestBuilder()
            .build(
                new DigestBuilder.Input(
                    now.minusSeconds(86400),
                    now,
                    ZoneOffset.UTC,
                    "Digest",
                    fresh,
                    List.of(),
                    new Figures(0.5, 0.25, 10, 20, 80)));
    assertThat(r.pages()).hasSizeGreaterThan(1);
    for (ChatMessage page : r.pages()) {
      assertThat(renderer.render(page).blocksJson()).isEqualTo(asTree(page));
    }
  }

  /** The blocks as the renderer built them before: a tree of nodes, then its text. */
  static String asTree(ChatMessage message) {
    ArrayNode blocks = JSON.createArrayNode();
    for (Block block : message.blocks()) {
      if (block instanceof ChatMessage.Header h) {
        ObjectNode b = JSON.createObjectNode();
        b.put("type", "header");
        b.set("text", plain(h.text(), SlackRenderer.MAX_HEADER_TEXT));
        blocks.add(b);
      } else if (block instanceof ChatMessage.Text t) {
        blocks.add(section(SlackRenderer.spans(t.spans())));
      } else if (block instanceof ChatMessage.Card c) {
        blocks.add(section(SlackRenderer.card(c)));
      } else if (block instanceof ChatMessage.Actions a) {
        List<Button> buttons = a.buttons();
        for (int start = 0;
            start < buttons.size();
            start += SlackRenderer.MAX_BUTTONS_PER_ACTIONS) {
          ObjectNode b = blocks.addObject();
          b.put("type", "actions");
          ArrayNode elements = b.putArray("elements");
          int end = Math.min(buttons.size(), start + SlackRenderer.MAX_BUTTONS_PER_ACTIONS);
          for (Button bt : buttons.subList(start, end)) {
            ObjectNode el = JSON.createObjectNode();
            el.put("type", "button");
            el.put("action_id", cut(bt.id(), SlackRenderer.MAX_ACTION_ID));
            el.set("text", plain(bt.label(), SlackRenderer.MAX_BUTTON_TEXT));
            if (bt.value() != null && !bt.value().isEmpty()) {
              el.put("value", cut(bt.value(), SlackRenderer.MAX_BUTTON_VALUE));
            }
            switch (bt.style() == null ? Button.Style.DEFAULT : bt.style()) {
              case PRIMARY -> el.put("style", "primary");
              case DANGER -> el.put("style", "danger");
              case DEFAULT -> {}
            }
            elements.add(el);
          }
        }
      } else if (block instanceof ChatMessage.Context c) {
        ObjectNode b = JSON.createObjectNode();
        b.put("type", "context");
        b.putArray("elements")
            .add(mrkdwn(SlackText.mrkdwnAndFit(c.text(), SlackRenderer.MAX_CONTEXT_TEXT)));
        blocks.add(b);
      }
    }
    return blocks.toString();
  }

  private static ObjectNode section(String text) {
    ObjectNode b = JSON.createObjectNode();
    b.put("type", "section");
    b.set(
        "text", mrkdwn(SlackText.fit(text.isEmpty() ? " " : text, SlackRenderer.MAX_SECTION_TEXT)));
    return b;
  }

  private static ObjectNode plain(String text, int limit) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "plain_text");
    String escaped = SlackText.escapeAndFit(text == null ? "" : text, limit);
    node.put("text", escaped.isEmpty() ? " " : escaped);
    node.put("emoji", true);
    return node;
  }

  private static ObjectNode mrkdwn(String text) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "mrkdwn");
    node.put("text", text);
    return node;
  }

  private static String cut(String s, int limit) {
    return s.length() <= limit ? s : s.substring(0, limit);
  }

  @Provide
  Arbitrary<ChatMessage> messages() {
    Arbitrary<String> text =
        Arbitraries.oneOf(Hostile.text(), Arbitraries.strings().ofMaxLength(3100));
    Arbitrary<String> url =
        Arbitraries.oneOf(
            Arbitraries.just("https://help.example.com/t/1?a=b&c=<d>"),
            Arbitraries.just("javascript:alert(1)"),
            Hostile.text());
    Arbitrary<Span> span =
        Arbitraries.oneOf(
            text.map(t -> (Span) new Span.Plain(t)),
            text.map(t -> (Span) new Span.Bold(t)),
            Combinators.combine(url, text).as((u, t) -> (Span) new Span.Link(u, t)));
    Arbitrary<List<Span>> spans = span.list().ofMaxSize(5);
    Arbitrary<Button> button =
        Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(300),
                text.injectNull(0.1),
                text.injectNull(0.3),
                Arbitraries.of(Button.Style.class).injectNull(0.2))
            .as(Button::new);
    Arbitrary<Block> block =
        Arbitraries.oneOf(
            text.map(t -> (Block) new ChatMessage.Header(t)),
            spans.map(s -> (Block) new ChatMessage.Text(s)),
            Combinators.combine(text.injectNull(0.2), url.injectNull(0.2), spans)
                .as((t, u, s) -> (Block) new ChatMessage.Card(t, u, s)),
            button.list().ofMinSize(1).ofMaxSize(30).map(b -> (Block) new ChatMessage.Actions(b)),
            text.map(t -> (Block) new ChatMessage.Context(t)));
    return Combinators.combine(text, block.list().ofMaxSize(8)).as(ChatMessage::new);
  }
}
