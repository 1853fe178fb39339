package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Card;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DigestBuilderTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
  private static final Figures FIGURES = new Figures(0.75, 0.4, 8, 10, 25);

  private static DigestEntry entry(
      long id, Integer score, Boolean fixed, String comment, boolean negative, Instant at) {
    return new DigestEntry(
        id,
        "INC-" + id,
        "https://help/x/" + id,
        "Title " + id,
        "Dana",
        "Alex",
        "network",
        score,
        fixed,
        comment,
        negative ? null : "please call me",
        negative,
        at,
        null,
        null,
        null,
        null,
        null);
  }

  private static String text(ChatMessage m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  private final DigestBuilder builder = new DigestBuilder();

  @Test
  @DisplayName("New negatives, still-open items with their age and requests each get a section")
  void sections() {
    var fresh =
        List.of(
            entry(1, 2, false, "VPN still drops", true, NOW.minus(Duration.ofHours(3))),
            entry(2, 5, true, null, false, NOW.minus(Duration.ofHours(2))));
    var open = List.of(entry(3, 1, null, "nobody called", true, START.minus(Duration.ofDays(2))));
    var result =
        builder.build(
            new DigestBuilder.Input(
                START, NOW, ZoneId.of("UTC"), "Closeloop digest", fresh, open, FIGURES));
    assertThat(result.pages()).hasSize(1);
    String all = text(result.pages().get(0));
    assertThat(all)
        .contains(
            "1 new negative reply",
            "New negative replies",
            "Still open",
            "Requests from",
            "VPN still drops",
            "Score 2/5 · Not fixed",
            "Unowned · open for 3d",
            "CSAT 75%",
            "response rate 40%");
    assertThat(result.surveyIds().get(0)).containsExactly(1L, 3L, 2L);
  }

  @Test
  @DisplayName("The headline counts every request of the window, those on negative replies too")
  void headlineCountsRequestsOnNegatives() {
    DigestEntry plain = entry(1, 2, false, "slow", true, NOW.minus(Duration.ofHours(3)));
    DigestEntry withRequest =
        new DigestEntry(
            2,
            "INC-2",
            "https://help/x/2",
            "Title 2",
            "Dana",
            "Alex",
            "network",
            1,
            false,
            "still broken",
            "please call me back",
            true,
            NOW.minus(Duration.ofHours(2)),
            null,
            null,
            null,
            null,
            null);
    DigestEntry requestOnly = entry(3, 5, true, null, false, NOW.minus(Duration.ofHours(1)));
    var result =
        builder.build(
            new DigestBuilder.Input(
                START,
                NOW,
                ZoneId.of("UTC"),
                "Closeloop digest",
                List.of(plain, withRequest, requestOnly),
                List.of(),
                FIGURES));
    String all = text(result.pages().get(0));
    assertThat(all)
        .contains("2 new negative replies", "· 0 still open · 2 requests ·")
        .contains("please call me back", "please call me");
  }

  @Test
  @DisplayName("A quoted comment's language follows the quote as each language writes it")
  void languageMarkSpacing() {
    String comment = "The VPN still drops every hour and nobody called me back about it";
    var fresh = List.of(entry(1, 2, false, comment, true, NOW.minus(Duration.ofHours(3))));
    var ja =
        new DigestBuilder(
            new dev.closeloop.language.Words(
                dev.closeloop.language.Catalog.team(), "ja", ZoneId.of("UTC")),
            LanguageMark.detected("ja"));
    var jaText =
        text(
            ja.build(
                    new DigestBuilder.Input(
                        START, NOW, ZoneId.of("UTC"), "T", fresh, List.of(), FIGURES))
                .pages()
                .get(0));
    assertThat(jaText).contains("」（英語）").doesNotContain("」 （");
    var enText =
        text(
            builder
                .build(
                    new DigestBuilder.Input(
                        START, NOW, ZoneId.of("UTC"), "T", fresh, List.of(), FIGURES))
                .pages()
                .get(0));
    assertThat(enText).contains("it” (English)");
  }

  @Test
  @DisplayName(
      "A window without new negatives posts an all-clear with CSAT beside the response rate")
  void allClear() {
    var open = List.of(entry(3, 1, null, "nobody called", true, START.minus(Duration.ofDays(2))));
    var result =
        builder.build(
            new DigestBuilder.Input(
                START, NOW, ZoneId.of("UTC"), "Closeloop digest", List.of(), open, FIGURES));
    assertThat(text(result.pages().get(0)))
        .contains("All clear", "CSAT 75%", "response rate 40%", "Still open");
  }

  @Test
  @DisplayName("60 negatives split into pages of at most 5 entries, each entry once")
  void splitsLongDigests() {
    List<DigestEntry> fresh = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      fresh.add(entry(i, 1 + i % 2, false, "x".repeat(700), true, NOW.minusSeconds(i)));
    }
    var result =
        builder.build(
            new DigestBuilder.Input(
                START, NOW, ZoneId.of("UTC"), "Closeloop digest", fresh, List.of(), FIGURES));
    assertThat(result.pages()).hasSize(12);
    List<Long> ids = result.surveyIds().stream().flatMap(List::stream).toList();
    assertThat(ids).hasSize(60).doesNotHaveDuplicates();
    for (ChatMessage page : result.pages()) {
      long cards = page.blocks().stream().filter(b -> b instanceof Card).count();
      long rows = page.blocks().stream().filter(b -> b instanceof Actions).count();
      assertThat(cards).isLessThanOrEqualTo(5);
      assertThat(rows).isLessThanOrEqualTo(5);
      assertThat(page.blocks().size()).isLessThanOrEqualTo(50);
      assertThat(text(page)).contains("Part ");
    }
    assertThat(text(result.pages().get(0))).contains("x".repeat(499) + "…");
  }

  @Test
  @DisplayName("Beyond 100 entries the worst 100 are shown and the rest counted")
  void capsAtHundred() {
    List<DigestEntry> fresh = new ArrayList<>();
    for (int i = 1; i <= 130; i++) {
      fresh.add(entry(i, i <= 30 ? 1 : 2, false, null, true, NOW.minusSeconds(i)));
    }
    var result =
        builder.build(
            new DigestBuilder.Input(
                START, NOW, ZoneId.of("UTC"), "Closeloop digest", fresh, List.of(), FIGURES));
    assertThat(result.entries()).isEqualTo(100);
    assertThat(result.omitted()).isEqualTo(30);
    List<Long> ids = result.surveyIds().stream().flatMap(List::stream).toList();
    assertThat(ids).contains(1L, 30L);
    String last = text(result.pages().get(result.pages().size() - 1));
    assertThat(last).contains("and 30 more", "/admin/incidents");
  }

  @Test
  void ownedAndFollowedUpEntriesShowWhoAndLoseButtons() {
    DigestEntry owned =
        new DigestEntry(
            7,
            "INC-7",
            null,
            "t",
            "Dana",
            "Alex",
            null,
            2,
            false,
            null,
            null,
            true,
            NOW.minus(Duration.ofHours(50)),
            "Sam",
            NOW.minus(Duration.ofHours(1)),
            null,
            null,
            null);
    var blocks = new DigestBuilder().entryBlocks(owned, NOW);
    assertThat(blocks.toString()).contains("Owner: Sam", "open for 2d 2h");
    assertThat(((Actions) blocks.get(1)).buttons())
        .extracting(ChatMessage.Button::id)
        .containsExactly("cl:i:7:done");
    DigestEntry done =
        new DigestEntry(
            7,
            "INC-7",
            null,
            "t",
            "Dana",
            "Alex",
            null,
            2,
            false,
            null,
            null,
            true,
            NOW.minus(Duration.ofHours(50)),
            "Sam",
            NOW,
            "Sam",
            NOW,
            "called her");
    assertThat(new DigestBuilder().entryBlocks(done, NOW)).hasSize(1);
    assertThat(new DigestBuilder().entryBlocks(done, NOW).toString())
        .contains("Followed up by Sam: called her");
  }
}
