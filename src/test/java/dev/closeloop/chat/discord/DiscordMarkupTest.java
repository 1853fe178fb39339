package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.MarkupRules;
import dev.closeloop.chat.MessageCorpus;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/**
 * Every message Closeloop can send, in six languages and with hostile user text, rendered for
 * Discord: every content and embed text passes the checker of Discord's markdown rules.
 */
class DiscordMarkupTest {
  @Test
  void everyRenderedMessageRendersAsMeant() {
    List<String> problems = new ArrayList<>();
    for (ChatMessage m : MessageCorpus.all()) {
      for (DiscordRenderer.Part part : DiscordRenderer.render(m)) {
        problems.addAll(MarkupRules.discord(part.content()));
        for (MessageEmbed e : part.embeds()) {
          problems.addAll(MarkupRules.discord(e.getTitle()));
          problems.addAll(MarkupRules.discord(e.getDescription()));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void boldKeepsTheSpacesAndLineBreaksAroundItOutsideTheMarkers() {
    String rendered =
        DiscordRenderer.spans(
            List.of(
                new ChatMessage.Span.Plain("“still broken”"),
                new ChatMessage.Span.Bold("\nRequest: "),
                new ChatMessage.Span.Plain("No, that is all")));
    assertThat(rendered).isEqualTo("“still broken”\n**Request\\:** No, that is all");
    assertThat(MarkupRules.discord(rendered)).isEmpty();
  }
}
