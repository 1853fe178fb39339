package dev.closeloop.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A platform-neutral message. Every piece of text is plain text: adapters escape it for their
 * platform, so user-written text can never ping anyone or break formatting. Only {@link Span.Bold}
 * and {@link Span.Link} add formatting, and only where the core asked for it.
 *
 * @param fallback plain-text summary (notifications, screen readers)
 * @param blocks the body, rendered in order
 */
public record ChatMessage(String fallback, List<Block> blocks) {

  public ChatMessage {
    blocks = List.copyOf(blocks);
  }

  public static ChatMessage plainText(String text) {
    return new ChatMessage(text, List.of(Text.plain(text)));
  }

  /** A part of the body. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(Header.class),
    @JsonSubTypes.Type(Text.class),
    @JsonSubTypes.Type(Card.class),
    @JsonSubTypes.Type(Actions.class),
    @JsonSubTypes.Type(Context.class)
  })
  public sealed interface Block {}

  /** A heading line. */
  public record Header(String text) implements Block {}

  /** A paragraph of spans. */
  public record Text(List<Span> spans) implements Block {
    public Text {
      spans = List.copyOf(spans);
    }

    public static Text plain(String s) {
      return new Text(List.of(new Span.Plain(s)));
    }
  }

  /**
   * A card: a titled item such as a ticket in a survey or an entry in the digest (a Discord embed,
   * a Slack section).
   */
  public record Card(String title, String url, List<Span> body) implements Block {
    public Card {
      body = List.copyOf(body);
    }
  }

  /** A row of buttons (adapters split rows at their platform's limit). */
  public record Actions(List<Button> buttons) implements Block {
    public Actions {
      buttons = List.copyOf(buttons);
    }
  }

  /** Small print under the body. */
  public record Context(String text) implements Block {}

  /** Inline text. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(Span.Plain.class),
    @JsonSubTypes.Type(Span.Bold.class),
    @JsonSubTypes.Type(Span.Link.class)
  })
  public sealed interface Span {
    String text();

    record Plain(String text) implements Span {}

    record Bold(String text) implements Span {}

    record Link(String url, String text) implements Span {}
  }

  /**
   * A button. {@code id} is the action id (Slack action_id, Discord custom_id), at most 100
   * characters; {@code value} is what Slack sends back as the button's value.
   */
  public record Button(String id, String label, String value, Style style) {
    public enum Style {
      DEFAULT,
      PRIMARY,
      DANGER
    }
  }
}
