package dev.closeloop.chat.slack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.chat.InteractionReply;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a platform-neutral {@link ChatMessage} as Block Kit plus the {@code text} fallback. All
 * text is escaped; over-long text is cut with an ellipsis; button rows are split at 25 buttons. A
 * message that still needs more than 50 blocks is refused with {@link TooManyBlocks}: splitting it
 * would turn one message into several, which only the caller can do meaningfully.
 */
final class SlackRenderer {
  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_HEADER_TEXT = 150;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_VALUE = 2000;
  static final int MAX_ACTION_ID = 255;
  static final int MAX_BUTTONS_PER_ACTIONS = 25;
  static final int MAX_CONTEXT_TEXT = 3000;

  /** Slack truncates message text past 40,000 characters; a notification needs far less. */
  static final int MAX_FALLBACK_TEXT = 3000;

  static final int MAX_MODAL_TITLE = 24;
  static final int MAX_MODAL_LABEL = 2000;
  static final int MAX_PLACEHOLDER = 150;
  static final String MODAL_CALLBACK_ID = "closeloop_modal";
  static final String MODAL_BLOCK_ID = "closeloop_input";
  static final String MODAL_ACTION_ID = "text";

  /** The message as Slack takes it: {@code text} (fallback) and {@code blocks} (JSON). */
  record Rendered(String text, String blocksJson, int blockCount) {}

  /** Thrown for a message Slack would refuse for its size. */
  static final class TooManyBlocks extends IllegalArgumentException {
    TooManyBlocks(int count) {
      super("message needs " + count + " blocks; Slack allows " + MAX_BLOCKS);
    }
  }

  private final ObjectMapper json;

  SlackRenderer(ObjectMapper json) {
    this.json = json;
  }

  Rendered render(ChatMessage message) {
    // written straight to text: a tree of JSON nodes built only to be serialised was most of the
    // time a digest page took to render (the text is the same: Jackson's default escaping either
    // way)
    StringWriter out = new StringWriter(1024);
    int count = 0;
    try (JsonGenerator g = BLOCKS.createGenerator(out)) {
      g.writeStartArray();
      for (Block block : message.blocks()) {
        if (block instanceof ChatMessage.Header h) {
          header(g, h.text());
          count++;
        } else if (block instanceof ChatMessage.Text t) {
          section(g, spans(t.spans()));
          count++;
        } else if (block instanceof ChatMessage.Card c) {
          section(g, card(c));
          count++;
        } else if (block instanceof ChatMessage.Actions a) {
          count += actions(g, a.buttons());
        } else if (block instanceof ChatMessage.Context c) {
          context(g, c.text());
          count++;
        }
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    if (count > MAX_BLOCKS) {
      throw new TooManyBlocks(count);
    }
    String fallback = SlackText.mrkdwnAndFit(message.fallback(), MAX_FALLBACK_TEXT);
    return new Rendered(fallback, out.toString(), count);
  }

  /** Writes the blocks' JSON as {@code JsonNode.toString()} would: no pretty-printing. */
  private static final JsonFactory BLOCKS = new JsonFactory();

  /** The {@code view} for views.open: one multi-line text input. */
  String modal(InteractionReply.OpenModal modal, String privateMetadata) {
    ObjectNode view = json.createObjectNode();
    view.put("type", "modal");
    view.put("callback_id", MODAL_CALLBACK_ID);
    view.put("private_metadata", privateMetadata);
    view.set("title", plain(modal.title(), MAX_MODAL_TITLE));
    view.set("submit", plain(orElse(modal.submit(), "Send"), MAX_MODAL_TITLE));
    view.set("close", plain(orElse(modal.close(), "Cancel"), MAX_MODAL_TITLE));
    ObjectNode input = view.putArray("blocks").addObject();
    input.put("type", "input");
    input.put("block_id", MODAL_BLOCK_ID);
    input.set("label", plain(modal.label(), MAX_MODAL_LABEL));
    ObjectNode element = input.putObject("element");
    element.put("type", "plain_text_input");
    element.put("action_id", MODAL_ACTION_ID);
    element.put("multiline", true);
    element.put("max_length", MAX_SECTION_TEXT);
    if (modal.placeholder() != null && !modal.placeholder().isBlank()) {
      element.set("placeholder", plain(modal.placeholder(), MAX_PLACEHOLDER));
    }
    return view.toString();
  }

  private static void header(JsonGenerator g, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "header");
    g.writeFieldName("text");
    plain(g, text, MAX_HEADER_TEXT);
    g.writeEndObject();
  }

  private static void section(JsonGenerator g, String mrkdwn) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "section");
    g.writeFieldName("text");
    mrkdwn(g, SlackText.fit(mrkdwn.isEmpty() ? " " : mrkdwn, MAX_SECTION_TEXT));
    g.writeEndObject();
  }

  private static void context(JsonGenerator g, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "context");
    g.writeArrayFieldStart("elements");
    mrkdwn(g, SlackText.mrkdwnAndFit(text, MAX_CONTEXT_TEXT));
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Writes the buttons as actions blocks of at most 25; how many blocks. */
  private static int actions(JsonGenerator g, List<Button> buttons) throws IOException {
    int blocks = 0;
    for (int start = 0; start < buttons.size(); start += MAX_BUTTONS_PER_ACTIONS) {
      g.writeStartObject();
      g.writeStringField("type", "actions");
      g.writeArrayFieldStart("elements");
      int end = Math.min(buttons.size(), start + MAX_BUTTONS_PER_ACTIONS);
      for (Button b : buttons.subList(start, end)) {
        button(g, b);
      }
      g.writeEndArray();
      g.writeEndObject();
      blocks++;
    }
    return blocks;
  }

  private static void button(JsonGenerator g, Button b) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "button");
    g.writeStringField("action_id", truncate(b.id(), MAX_ACTION_ID));
    g.writeFieldName("text");
    plain(g, b.label(), MAX_BUTTON_TEXT);
    if (b.value() != null && !b.value().isEmpty()) {
      g.writeStringField("value", truncate(b.value(), MAX_BUTTON_VALUE));
    }
    switch (b.style() == null ? Button.Style.DEFAULT : b.style()) {
      case PRIMARY -> g.writeStringField("style", "primary");
      case DANGER -> g.writeStringField("style", "danger");
      case DEFAULT -> {}
    }
    g.writeEndObject();
  }

  private static void plain(JsonGenerator g, String text, int limit) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "plain_text");
    String escaped = SlackText.escapeAndFit(text == null ? "" : text, limit);
    g.writeStringField("text", escaped.isEmpty() ? " " : escaped);
    g.writeBooleanField("emoji", true);
    g.writeEndObject();
  }

  private static void mrkdwn(JsonGenerator g, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "mrkdwn");
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  static String card(ChatMessage.Card card) {
    String title =
        card.title() == null || card.title().isBlank()
            ? ""
            : SlackText.oneLine(card.title().strip());
    String heading =
        title.isEmpty()
            ? ""
            : "*"
                + (card.url() == null ? SlackText.mrkdwn(title) : SlackText.link(card.url(), title))
                + "*";
    String body = spans(card.body());
    if (heading.isEmpty()) {
      return body;
    }
    return body.isEmpty() ? heading : heading + "\n" + body;
  }

  /**
   * Spans as mrkdwn, within the section limit: a span that does not fit is cut (plain text) or left
   * out (emphasis, links), so that no marker is ever cut off from its pair.
   */
  static String spans(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    int budget = MAX_SECTION_TEXT - SlackText.ELLIPSIS.length();
    for (Span span : spans) {
      if (span.text() == null || span.text().isEmpty()) {
        continue;
      }
      String piece;
      if (span instanceof Span.Bold b) {
        piece = SlackText.bold(b.text());
      } else if (span instanceof Span.Link l) {
        piece = SlackText.link(l.url(), l.text());
      } else {
        piece = SlackText.mrkdwn(span.text());
      }
      if (out.length() + piece.length() > budget) {
        if (span instanceof Span.Plain) {
          out.append(SlackText.fit(piece, MAX_SECTION_TEXT - out.length()));
        } else {
          out.append(SlackText.ELLIPSIS);
        }
        break;
      }
      out.append(piece);
    }
    return out.toString();
  }

  private ObjectNode plain(String text, int limit) {
    ObjectNode node = json.createObjectNode();
    node.put("type", "plain_text");
    String escaped = SlackText.escapeAndFit(text == null ? "" : text, limit);
    node.put("text", escaped.isEmpty() ? " " : escaped);
    node.put("emoji", true);
    return node;
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static String truncate(String s, int limit) {
    return s.length() <= limit ? s : s.substring(0, limit);
  }
}
