package dev.closeloop.chat.discord;

import static dev.closeloop.chat.discord.DiscordText.escape;
import static dev.closeloop.chat.discord.DiscordText.truncate;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Card;
import dev.closeloop.chat.ChatMessage.Context;
import dev.closeloop.chat.ChatMessage.Header;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.chat.ChatMessage.Text;
import dev.closeloop.chat.Links;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Renders a {@link ChatMessage} as one or more Discord messages: text blocks become the content,
 * each {@link Card} an embed, each {@link Actions} block rows of up to five buttons. A card and the
 * button rows right after it stay in the same message. A message that would pass Discord's limits
 * (2,000 content characters, 10 embeds, 6,000 embed characters, 5 rows) continues in the next one.
 */
final class DiscordRenderer {
  static final int MAX_CONTENT = 2000;
  static final int MAX_EMBEDS = 10;
  static final int MAX_EMBED_TOTAL = 6000;
  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 4096;
  static final int MAX_ROWS = 5;
  static final int MAX_BUTTONS_PER_ROW = 5;
  static final int MAX_LABEL = 80;
  static final int MAX_CUSTOM_ID = 100;

  /** Room kept in the content for the reconcile marker. */
  static final int CONTENT_BUDGET = MAX_CONTENT - DiscordText.MARKER_LENGTH;

  private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s()<>\\[\\]]{1,2000}");

  /** One Discord message, ready for a create or an edit. */
  record Part(String content, List<MessageEmbed> embeds, List<ActionRow> rows) {
    int embedLength() {
      return embeds.stream().mapToInt(MessageEmbed::getLength).sum();
    }
  }

  /** A card with its buttons, or a lone text or actions block: never split across messages. */
  private record Unit(String text, MessageEmbed embed, List<ActionRow> rows) {}

  private DiscordRenderer() {}

  static List<Part> render(ChatMessage message) {
    List<Part> parts = new ArrayList<>();
    PartBuilder current = new PartBuilder();
    for (Unit unit : units(message.blocks())) {
      if (!current.fits(unit) && !current.isEmpty()) {
        parts.add(current.build());
        current = new PartBuilder();
      }
      current.add(unit);
    }
    if (!current.isEmpty() || parts.isEmpty()) {
      if (current.isEmpty()) {
        current.add(new Unit(escape(message.fallback()), null, List.of()));
      }
      parts.add(current.build());
    }
    return parts;
  }

  private static List<Unit> units(List<Block> blocks) {
    List<Unit> units = new ArrayList<>();
    for (Block block : blocks) {
      Unit last = units.isEmpty() ? null : units.get(units.size() - 1);
      if (block instanceof Actions actions && last != null && last.embed() != null) {
        List<ActionRow> rows = new ArrayList<>(last.rows());
        rows.addAll(rows(actions));
        units.set(units.size() - 1, new Unit(null, last.embed(), rows));
      } else if (block instanceof Actions actions) {
        units.add(new Unit(null, null, rows(actions)));
      } else if (block instanceof Card card) {
        units.add(new Unit(null, embed(card), List.of()));
      } else {
        units.add(new Unit(text(block), null, List.of()));
      }
    }
    return units;
  }

  private static String text(Block block) {
    if (block instanceof Header header) {
      return bold(header.text());
    } else if (block instanceof Text text) {
      return spans(text.spans());
    } else if (block instanceof Context context) {
      return "-# " + escape(context.text());
    }
    throw new IllegalArgumentException("not a text block: " + block);
  }

  static String spans(List<Span> spans) {
    return spans.stream().map(DiscordRenderer::span).collect(Collectors.joining());
  }

  private static String span(Span span) {
    if (span.text() == null || span.text().isEmpty()) {
      return "";
    }
    if (span instanceof Span.Bold) {
      return bold(span.text());
    } else if (span instanceof Span.Link link && isSafeUrl(link.url())) {
      return "[" + escape(link.text()) + "](" + link.url() + ")";
    }
    return escape(span.text());
  }

  /**
   * {@code **text**} with the spaces and line breaks around the text kept outside the markers
   * (Discord does not render bold that starts or ends with a space), or the bare spaces when there
   * is no text.
   */
  static String bold(String raw) {
    return dev.closeloop.chat.Emphasis.wrap(raw, "**", DiscordText::escape);
  }

  static boolean isSafeUrl(String url) {
    return url != null && SAFE_URL.matcher(url).matches() && Links.isHttp(url);
  }

  private static MessageEmbed embed(Card card) {
    EmbedBuilder embed = new EmbedBuilder();
    String title = card.title() == null ? "" : truncate(escape(card.title().strip()), MAX_TITLE);
    if (!title.isEmpty()) {
      embed.setTitle(title, isSafeUrl(card.url()) ? card.url() : null);
    }
    String description = truncate(spans(card.body()), MAX_DESCRIPTION);
    embed.setDescription(description.isEmpty() && title.isEmpty() ? "\u200B" : description);
    return embed.build();
  }

  private static List<ActionRow> rows(Actions actions) {
    List<Button> buttons = actions.buttons().stream().map(DiscordRenderer::button).toList();
    List<ActionRow> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += MAX_BUTTONS_PER_ROW) {
      rows.add(ActionRow.of(buttons.subList(i, Math.min(i + MAX_BUTTONS_PER_ROW, buttons.size()))));
    }
    return rows;
  }

  private static Button button(ChatMessage.Button button) {
    if (button.id() == null || button.id().isEmpty() || button.id().length() > MAX_CUSTOM_ID) {
      throw new IllegalArgumentException(
          "button id must be 1-" + MAX_CUSTOM_ID + " characters: " + button.id());
    }
    String label = button.label() == null || button.label().isBlank() ? "…" : button.label();
    ButtonStyle style =
        switch (button.style() == null ? ChatMessage.Button.Style.DEFAULT : button.style()) {
          case PRIMARY -> ButtonStyle.PRIMARY;
          case DANGER -> ButtonStyle.DANGER;
          case DEFAULT -> ButtonStyle.SECONDARY;
        };
    return Button.of(style, button.id(), truncate(label, MAX_LABEL));
  }

  private static final class PartBuilder {
    private final StringBuilder content = new StringBuilder();
    private final List<MessageEmbed> embeds = new ArrayList<>();
    private final List<ActionRow> rows = new ArrayList<>();
    private int embedLength;

    boolean isEmpty() {
      return content.length() == 0 && embeds.isEmpty() && rows.isEmpty();
    }

    boolean fits(Unit unit) {
      if (unit.text() != null
          && content.length() + 1 + unit.text().length() > CONTENT_BUDGET
          && content.length() > 0) {
        return false;
      }
      if (unit.embed() != null
          && (embeds.size() + 1 > MAX_EMBEDS
              || embedLength + unit.embed().getLength() > MAX_EMBED_TOTAL)) {
        return false;
      }
      return rows.size() + unit.rows().size() <= MAX_ROWS;
    }

    void add(Unit unit) {
      if (unit.text() != null && !unit.text().isEmpty()) {
        if (content.length() > 0) {
          content.append('\n');
        }
        content.append(unit.text());
      }
      if (unit.embed() != null) {
        embeds.add(unit.embed());
        embedLength += unit.embed().getLength();
      }
      // a single unit with more rows than a message holds keeps the first five
      for (ActionRow row : unit.rows()) {
        if (rows.size() < MAX_ROWS) {
          rows.add(row);
        }
      }
    }

    Part build() {
      return new Part(
          truncate(content.toString(), CONTENT_BUDGET), List.copyOf(embeds), List.copyOf(rows));
    }
  }
}
