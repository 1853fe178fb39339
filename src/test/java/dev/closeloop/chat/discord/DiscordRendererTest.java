package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatMessage.Card;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.chat.discord.DiscordRenderer.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {

  @Test
  void surveyIsOneMessageWithContentAnEmbedAndRowsOfAtMostFiveButtons() {
    List<Part> parts = DiscordRenderer.render(DiscordPlatformTest.survey("s"));

    assertThat(parts).hasSize(1);
    Part part = parts.get(0);
    assertThat(part.content()).isEqualTo("**How did we do?**");
    assertThat(part.embeds())
        .singleElement()
        .satisfies(
            embed -> {
              assertThat(embed.getTitle()).isEqualTo("INC\\-1042 VPN drops every hour");
              assertThat(embed.getUrl()).isEqualTo("https://tickets.example.com/INC-1042");
              assertThat(embed.getDescription()).isEqualTo("Closed by Alex today.");
            });
    assertThat(part.rows()).hasSize(3);
  }

  @Test
  void userTextCannotTurnTheRestOfTheLineAround() {
    // a right-to-left override in a name showed what follows it on the digest line backwards
    String name = "Dana\u202E \u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069";
    Part part =
        DiscordRenderer.render(
                message(new Card(name, null, List.of(new Span.Plain(name + " · Assignee: Alex")))))
            .get(0);
    String all =
        part.content()
            + part.embeds().stream()
                .map(e -> e.getTitle() + "|" + e.getDescription())
                .reduce("", String::concat);
    assertThat(all).contains("Dana abcdefg").doesNotContainPattern("[\u202A-\u202E\u2066-\u2069]");
  }

  @Test
  void aLongRowOfButtonsWrapsAtFive() {
    List<Button> seven =
        IntStream.rangeClosed(1, 7)
            .mapToObj(i -> new Button("b:" + i, "B" + i, "", Button.Style.DEFAULT))
            .toList();
    Part part = DiscordRenderer.render(message(new Actions(seven))).get(0);

    assertThat(part.rows()).hasSize(2);
    assertThat(part.rows().get(0).getComponents()).hasSize(5);
    assertThat(part.rows().get(1).getComponents()).hasSize(2);
  }

  @Test
  void longTextIsCutToDiscordLimitsWithAnEllipsis() {
    Card card =
        new Card("T".repeat(300), "https://x.example", List.of(new Span.Plain("d".repeat(5000))));
    Button button = new Button("b:1", "L".repeat(100), "", Button.Style.PRIMARY);
    Part part =
        DiscordRenderer.render(
                message(
                    ChatMessage.Text.plain("c".repeat(3000)), card, new Actions(List.of(button))))
            .get(0);

    assertThat(part.content()).hasSize(DiscordRenderer.CONTENT_BUDGET).endsWith("…");
    MessageEmbed embed = part.embeds().get(0);
    assertThat(embed.getTitle()).hasSize(256).endsWith("…");
    assertThat(embed.getDescription()).hasSize(4096).endsWith("…");
    assertThat(
            ((net.dv8tion.jda.api.components.buttons.Button)
                    part.rows().get(0).getComponents().get(0))
                .getLabel())
        .hasSize(80)
        .endsWith("…");
  }

  @Test
  void onlyHttpLinksAreLinked() {
    Card card =
        new Card(
            "t",
            "javascript:alert(1)",
            List.of(
                new Span.Link("javascript:alert(1)", "bad"),
                new Span.Plain(" "),
                new Span.Link("https://ok.example/a", "good")));
    MessageEmbed embed = DiscordRenderer.render(message(card)).get(0).embeds().get(0);

    assertThat(embed.getUrl()).isNull();
    assertThat(embed.getDescription()).isEqualTo("bad [good](https://ok.example/a)");
  }

  @Test
  void aCardUrlWithoutAHostOrWithAnotherSchemeIsNotLinked() {
    for (String url : List.of("https:no-host", "mailto:a@example.com", "JAVASCRIPT:alert(1)")) {
      Card card = new Card("t", url, List.of(new Span.Link(url, "x")));
      MessageEmbed embed = DiscordRenderer.render(message(card)).get(0).embeds().get(0);
      assertThat(embed.getUrl()).isNull();
      assertThat(embed.getDescription()).isEqualTo("x");
    }
  }

  @Test
  void aButtonIdLongerThanDiscordAllowsIsRefused() {
    Button button = new Button("x".repeat(101), "too long", "", Button.Style.DEFAULT);

    assertThatThrownBy(() -> DiscordRenderer.render(message(new Actions(List.of(button)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void moreThanTenCardsContinueInTheNextMessage() {
    List<Block> blocks = new ArrayList<>();
    IntStream.rangeClosed(1, 12)
        .forEach(i -> blocks.add(new Card("c" + i, null, List.of(new Span.Plain("x")))));

    List<Part> parts = DiscordRenderer.render(new ChatMessage("digest", blocks));

    assertThat(parts).extracting(p -> p.embeds().size()).containsExactly(10, 2);
  }

  @Test
  void aCardKeepsItsButtonsInTheSameMessage() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      blocks.add(new Card("c" + i, null, List.of(new Span.Plain("x"))));
      blocks.add(
          new Actions(List.of(new Button("take:" + i, "Take " + i, "", Button.Style.PRIMARY))));
    }

    List<Part> parts = DiscordRenderer.render(new ChatMessage("digest", blocks));

    assertThat(parts).extracting(p -> p.embeds().size()).containsExactly(5, 2);
    assertThat(parts).extracting(p -> p.rows().size()).containsExactly(5, 2);
    assertThat(parts.get(1).embeds().get(0).getTitle()).isEqualTo("c6");
    assertThat(parts.get(1).rows().get(0).getButtons().get(0).getCustomId()).isEqualTo("take:6");
  }

  @Test
  void embedsPastSixThousandCharactersInAllContinueInTheNextMessage() {
    List<Block> blocks = new ArrayList<>();
    IntStream.rangeClosed(1, 4)
        .forEach(
            i -> blocks.add(new Card("c" + i, null, List.of(new Span.Plain("d".repeat(2000))))));

    List<Part> parts = DiscordRenderer.render(new ChatMessage("digest", blocks));

    assertThat(parts).hasSize(2);
    assertThat(parts).allSatisfy(p -> assertThat(p.embedLength()).isLessThanOrEqualTo(6000));
  }

  @Test
  void anEmptyMessageFallsBackToItsSummary() {
    Part part = DiscordRenderer.render(new ChatMessage("Survey closed *now*", List.of())).get(0);

    assertThat(part.content()).isEqualTo("Survey closed \\*now\\*");
  }

  private static ChatMessage message(Block... blocks) {
    return new ChatMessage("fallback", List.of(blocks));
  }
}
