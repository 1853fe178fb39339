package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.closeloop.chat.discord.FakeDiscord;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a modified client or a confused gateway can send that the bot never offered, through the
 * real JDA against {@link FakeDiscord}: a modal whose input is not a text box, a modal with no
 * input, a text far past Discord's 4,000 characters, and the same interaction twice. Each is
 * answered (never left to fail on the person's screen) and changes at most what one honest
 * submission would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordOddInteractionsTest {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscordE2E e2e;
  private FakeDiscord discord;

  @BeforeAll
  void start() {
    e2e = DiscordE2E.start();
    discord = e2e.discord;
  }

  @AfterAll
  void stop() {
    e2e.close();
  }

  private static String user() {
    return Long.toString(710000000000000000L + NEXT.incrementAndGet());
  }

  private static String ticket() {
    return "ODD-" + NEXT.incrementAndGet();
  }

  private static long surveyId(JsonNode dm) {
    String rate = DiscordE2E.buttonEnding(dm, ":rate:1").orElseThrow();
    return Long.parseLong(rate.split(":")[2]);
  }

  private static ArrayNode labelled(JsonNode component) {
    ArrayNode components = JSON.createArrayNode();
    components.addObject().put("type", 18).put("id", 1).set("component", component);
    return components;
  }

  @Test
  void aModalWhoseInputIsNotATextBoxIsAnsweredAndStoresNothing() {
    String dana = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, dana);
    String channel = dm.path("channel_id").asText();
    var select = JSON.createObjectNode().put("type", 3).put("id", 2).put("custom_id", "text");
    select.putArray("values").add("=HYPERLINK(\"http://evil\")");
    e2e.now();
    FakeDiscord.Interaction i =
        discord.submitModalWith(
            dana, channel, "cl:s:" + surveyId(dm) + ":comment", labelled(select));
    assertThat(e2e.awaitAnswered(i)).isNotEmpty();
    assertThat(e2e.survey(ticket).path("answers")).isEmpty();
  }

  @Test
  void aModalWithNoInputIsAnsweredAndStoresNothing() {
    String dana = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, dana);
    e2e.now();
    FakeDiscord.Interaction i =
        discord.submitModalWith(
            dana,
            dm.path("channel_id").asText(),
            "cl:s:" + surveyId(dm) + ":comment",
            JSON.createArrayNode());
    assertThat(e2e.awaitAnswered(i)).isNotEmpty();
    assertThat(e2e.survey(ticket).path("answers")).isEmpty();
  }

  @Test
  void aCommentFarPastDiscordsLimitIsKeptWithinTheStoresBound() {
    String dana = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, dana);
    var text =
        JSON.createObjectNode()
            .put("type", 4)
            .put("id", 2)
            .put("custom_id", "text")
            .put("value", "the printer jams again. ".repeat(20_000));
    e2e.now();
    FakeDiscord.Interaction i =
        discord.submitModalWith(
            dana,
            dm.path("channel_id").asText(),
            "cl:s:" + surveyId(dm) + ":comment",
            labelled(text));
    assertThat(e2e.awaitAnswered(i)).isNotEmpty();
    JsonNode answers = e2e.survey(ticket).path("answers");
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).path("value").asText().length()).isBetween(1, 8000);
  }

  @Test
  void theSameClickDeliveredTwiceRecordsOneAnswer() {
    String dana = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, dana);
    String channel = dm.path("channel_id").asText();
    String rateTwo = DiscordE2E.buttonEnding(dm, ":rate:2").orElseThrow();
    e2e.now();
    FakeDiscord.Interaction first =
        discord.clickButton(dana, channel, dm.path("id").asText(), rateTwo);
    e2e.awaitAnswered(first);
    discord.replay(first, dana, channel, dm.path("id").asText(), rateTwo);
    await().atMost(DiscordE2E.WAIT).until(() -> e2e.survey(ticket).path("answers").size() >= 1);
    JsonNode answers = e2e.survey(ticket).path("answers");
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).path("value").asText()).isEqualTo("2");
  }
}
