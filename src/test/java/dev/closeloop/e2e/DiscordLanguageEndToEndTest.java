package dev.closeloop.e2e;

import static dev.closeloop.e2e.DiscordE2E.WAIT;
import static dev.closeloop.e2e.DiscordE2E.answers;
import static dev.closeloop.e2e.DiscordE2E.hasButtonEnding;
import static dev.closeloop.e2e.DiscordE2E.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.discord.FakeDiscord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Surveys in German and Japanese on Discord, end to end through the real JDA and {@link
 * FakeDiscord}: the requester is asked in their language (from the ticket, or from the language
 * their Discord client reports, remembered for the next survey), answers by typing in it, and a
 * "no" to "anything else?" leaves nothing in the digest, which the team reads in its own language.
 */
class DiscordLanguageEndToEndTest {
  private DiscordE2E e2e;

  @AfterEach
  void stop() {
    if (e2e != null) {
      e2e.close();
    }
  }

  @Test
  void germanClientIsRememberedAndNeinPasstAllesLeavesNothingInTheDigest() {
    e2e = DiscordE2E.start(", cooldown: PT0S", ", locale: de");
    FakeDiscord discord = e2e.discord;
    String user = "710000000000000001";
    discord.setLocale(user, "de");

    // the ticket says no language and Discord tells it only with an interaction: survey.locale
    JsonNode first = e2e.surveyDm("DE-1", user);
    assertThat(text(first)).contains("Did we fix it?");
    e2e.click(user, first, ":rate:5"); // Discord sends the client's language with the click
    JsonNode card =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  e2e.deliver();
                  return e2e.message(first.path("channel_id").asText(), first.path("id").asText());
                },
                m -> text(m).contains("Ist das Problem gelöst?"));
    assertThat(text(card)).contains("5/5");
    assertThat(labels(card)).contains("Nicht mehr fragen");
    e2e.type(user, "ja, geht wieder", "Können wir sonst noch etwas für dich tun?");
    e2e.type(user, "nein, passt alles", "Danke! Das war's schon");
    assertThat(answers(e2e.survey("DE-1"), "request")).isEmpty();

    // the next survey is asked in German from its first message
    JsonNode second = e2e.surveyDm("DE-2", user);
    assertThat(text(second))
        .contains("Hallo Dana!")
        .contains("Ist das Problem gelöst?")
        .contains("Wie zufrieden bist du mit uns?")
        .doesNotContain("Did we fix it");
    assertThat(DiscordE2E.customIds(second)).anyMatch(id -> id.endsWith(":fixed:yes"));
    assertThat(labels(second)).contains("👍 Ja, gelöst", "👎 Nicht gelöst", "💬 Mehr erzählen");

    List<JsonNode> digest = e2e.postDigest();
    String all = digest.stream().map(DiscordE2E::text).reduce("", String::concat);
    assertThat(all)
        .contains("Closeloop-Tagesübersicht")
        .contains("Alles ruhig")
        .doesNotContain("DE-1");
    assertThat(e2e.incidents("all")).isEmpty();
  }

  @Test
  void japaneseFromTheTicketEndsWithIieDaijoubuDesuAndNothingInTheDigest() {
    e2e = DiscordE2E.start("", ", locale: ja");
    String user = "710000000000000002";
    e2e.closeTicket(
        "JA-1", "{\"name\":\"Dana\",\"discordId\":\"" + user + "\",\"locale\":\"ja-JP\"}");
    JsonNode dm = e2e.awaitDm(user, m -> hasButtonEnding(m, ":rate:2"));
    assertThat(text(dm)).contains("Danaさん、こんにちは。").contains("問題は解決しましたか？").contains("対応はいかがでしたか？");
    assertThat(labels(dm)).contains("👍 はい、解決しました", "今後は不要です");

    e2e.now();
    e2e.discord.sendDm(user, "４"); // a full-width 4: no reply needed, the card shows it
    await().atMost(WAIT).until(() -> answers(e2e.survey("JA-1"), "rating"), r -> !r.isEmpty());
    e2e.type(user, "はい、直りました", "ほかに何かお手伝いできることはありますか？");
    e2e.type(user, "いいえ、大丈夫です", "ありがとうございました！以上です。");

    JsonNode survey = e2e.survey("JA-1");
    assertThat(answers(survey, "rating")).containsExactly("4");
    assertThat(answers(survey, "fixed")).containsExactly("true");
    assertThat(answers(survey, "request")).isEmpty();
    List<JsonNode> digest = e2e.postDigest();
    String all = digest.stream().map(DiscordE2E::text).reduce("", String::concat);
    assertThat(all).contains("問題なし").doesNotContain("JA-1");
    assertThat(e2e.incidents("all")).isEmpty();
  }

  @Test
  void aGermanTicketKeepsTextsOutsideTheSurveyInGermanThoughTheClientSaysEnglish() {
    e2e = DiscordE2E.start(", cooldown: PT0S", "");
    String user = "710000000000000003"; // client locale en-US (the fake's default)
    e2e.closeTicket("DE-3", "{\"name\":\"Dana\",\"discordId\":\"" + user + "\",\"locale\":\"de\"}");
    JsonNode dm = e2e.awaitDm(user, m -> hasButtonEnding(m, ":rate:2"));
    assertThat(text(dm)).contains("Ist das Problem gelöst?");
    e2e.click(user, dm, ":fixed:yes"); // the click reports (and remembers) en-US
    e2e.type(user, "5", "Können wir sonst noch etwas für dich tun?");
    e2e.type(user, "nein danke", "Danke! Das war's schon");

    // the same conversation, in the language the survey spoke: not the client's English
    e2e.type(user, "hallo?", "Danke für die Nachricht!");
    assertThat(text(e2e.discord.dmMessages(user).get(e2e.discord.dmMessages(user).size() - 1)))
        .contains("Gerade läuft keine Umfrage")
        .doesNotContain("There is no open survey");
    e2e.now();
    FakeDiscord.Interaction stats = e2e.discord.slashCommand(user, "stats", Map.of());
    assertThat(
            DiscordE2E.unescape(
                e2e.awaitAnswered(stats).get(0).path("data").path("content").asText()))
        .contains("nur für das IT-Team")
        .doesNotContain("is for the IT team");
  }

  private static List<String> labels(JsonNode message) {
    return message.findValues("label").stream().map(JsonNode::asText).toList();
  }
}
