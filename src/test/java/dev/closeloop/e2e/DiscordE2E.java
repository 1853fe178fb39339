package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.discord.FakeDiscord;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The real app ({@link TestApp}) wired to a {@link FakeDiscord} through the real JDA, with the
 * steps a Discord end-to-end test repeats: close a ticket, run due work, send the outbox, find a
 * button, click it, read the admin API. The clock follows real time (JDA judges interactions by
 * snowflakes minted from it).
 */
final class DiscordE2E implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);
  static final String DIGEST_CHANNEL = "900000000000000001";
  static final String GUILD = "900000000000000002";
  private static final ObjectMapper JSON = new ObjectMapper();

  final FakeDiscord discord;
  final MutableClock clock;
  final TestApp app;

  private DiscordE2E(String extraYaml) {
    this("", "", extraYaml);
  }

  /**
   * @param survey more {@code survey} keys, e.g. {@code ", cooldown: PT0S"}
   * @param digest more {@code digest} keys, e.g. {@code ", locale: de"}
   */
  private DiscordE2E(String survey, String digest, String extraYaml) {
    this.discord = FakeDiscord.start();
    this.clock = new MutableClock(realTime());
    String yaml =
        """
        discord: { token: "%s", apiUrl: "%s", gatewayUrl: "%s" }
        survey: { delay: PT0S, quietHours: "", weekends: true%s }
        digest: { discordChannel: "%s"%s }
        %s
        """
            .formatted(
                FakeDiscord.TOKEN,
                discord.apiUrl(),
                discord.gatewayUrl(),
                survey,
                DIGEST_CHANNEL,
                digest,
                extraYaml);
    TestApp started;
    try {
      started = TestApp.start(TestApp.tempDir("closeloop-e2e-discord"), yaml, clock);
    } catch (RuntimeException e) {
      discord.close();
      throw e;
    }
    this.app = started;
    assertThat(app.app.platforms().values()).allMatch(p -> p.connected());
  }

  static DiscordE2E start() {
    return new DiscordE2E("");
  }

  static DiscordE2E start(String extraYaml) {
    return new DiscordE2E(extraYaml);
  }

  static DiscordE2E start(String survey, String digest) {
    return new DiscordE2E(survey, digest, "");
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      discord.close();
    }
  }

  /** Keeps the app's clock at real time (interaction snowflakes are minted from it). */
  void now() {
    Instant real = realTime();
    Instant last = clock.instant();
    // strictly later than anything already stamped, so a window ending "now" includes it
    clock.set(real.isAfter(last) ? real : last.plusMillis(1));
  }

  /** Back to real time after a test moved the clock ahead on purpose. */
  void rewindToRealTime() {
    clock.set(realTime());
  }

  /**
   * Now, in milliseconds: H2 keeps timestamps to the microsecond and rounds, so an instant with
   * nanoseconds stored as a due time can read back later than the same instant on the clock.
   */
  private static Instant realTime() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  // ---------------------------------------------------------------- tickets and surveys

  /** Closes a ticket for a Discord requester and waits for the survey DM; returns it. */
  JsonNode surveyDm(String ticketId, String discordId) {
    closeTicket(ticketId, "{\"name\":\"Dana\",\"discordId\":\"" + discordId + "\"}");
    return awaitDm(discordId, m -> hasButtonEnding(m, ":rate:2"));
  }

  void closeTicket(String ticketId, String requesterJson) {
    now();
    HttpResponse<String> r = app.webhook(TestApp.closed(ticketId, clock.instant(), requesterJson));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    app.tick();
    deliver();
  }

  /** Sends what the outbox holds, at the current real time (the pacer reads the app's clock). */
  int deliver() {
    now();
    return app.deliver();
  }

  /** Runs the outbox until a DM to {@code userId} matches (or the wait runs out). */
  JsonNode awaitDm(String userId, Predicate<JsonNode> matches) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              deliver();
              return discord.dmMessages(userId).stream().filter(matches).reduce((a, b) -> b);
            },
            Optional::isPresent)
        .orElseThrow();
  }

  /**
   * Waits (sending the outbox) until {@code userId} has a DM whose content contains {@code text}.
   */
  JsonNode awaitDmText(String userId, String text) {
    return awaitDm(userId, m -> m.path("content").asText().contains(text));
  }

  /** The current state of a message (after edits) in a channel. */
  JsonNode message(String channelId, String messageId) {
    return discord.messages(channelId).stream()
        .filter(m -> m.path("id").asText().equals(messageId))
        .findFirst()
        .orElseThrow();
  }

  static boolean hasButtonEnding(JsonNode message, String suffix) {
    return buttonEnding(message, suffix).isPresent();
  }

  static Optional<String> buttonEnding(JsonNode message, String suffix) {
    for (String id : customIds(message)) {
      if (id.endsWith(suffix)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  static List<String> customIds(JsonNode message) {
    List<String> ids = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      for (JsonNode c : row.path("components")) {
        ids.add(c.path("custom_id").asText());
      }
    }
    return ids;
  }

  /** A DM user clicks the button of {@code message} whose custom_id ends in {@code suffix}. */
  FakeDiscord.Interaction click(String userId, JsonNode message, String suffix) {
    now();
    String customId =
        buttonEnding(message, suffix)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no button ending in " + suffix + " in " + customIds(message)));
    FakeDiscord.Interaction i =
        discord.clickButton(
            userId, message.path("channel_id").asText(), message.path("id").asText(), customId);
    awaitAnswered(i);
    return i;
  }

  /**
   * Waits until the bot gave the interaction its first answer (the handler has committed by then).
   */
  List<JsonNode> awaitAnswered(FakeDiscord.Interaction i) {
    return await().atMost(WAIT).until(() -> discord.interactionAnswers(i), a -> !a.isEmpty());
  }

  /** Types in the DM; returns once the bot's reply (any new DM) arrived. */
  void type(String userId, String text, String expectedReply) {
    now();
    discord.sendDm(userId, text);
    awaitDmText(userId, expectedReply);
  }

  // ---------------------------------------------------------------- admin API

  JsonNode surveys(String ticketId) {
    HttpResponse<String> r = app.admin("GET", "/admin/surveys?ticket=" + ticketId, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body()).path("surveys");
  }

  JsonNode survey(String ticketId) {
    return surveys(ticketId).get(0);
  }

  /** Posts the digest now and waits until every message of it reached the channel; returns them. */
  List<JsonNode> postDigest() {
    int before = discord.messages(DIGEST_CHANNEL).size();
    now();
    JsonNode posted = adminPost("/admin/digest", null);
    int messages = posted.path("posted").get(0).path("messages").asInt();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              deliver();
              return discord.messages(DIGEST_CHANNEL).size();
            },
            n -> n == before + messages);
    List<JsonNode> all = discord.messages(DIGEST_CHANNEL);
    return new ArrayList<>(all.subList(before, all.size()));
  }

  /** A requester answers "1 - comment" by typing; waits until the incident is open. */
  void negative(String ticket, String user, String comment) {
    surveyDm(ticket, user);
    int open = incidents("open").size();
    now();
    discord.sendDm(user, "1 - " + comment);
    await().atMost(WAIT).until(() -> incidents("open").size(), n -> n == open + 1);
  }

  JsonNode incidents(String state) {
    HttpResponse<String> r = app.admin("GET", "/admin/incidents?state=" + state, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body()).path("incidents");
  }

  JsonNode adminGet(String path) {
    HttpResponse<String> r = app.admin("GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  JsonNode adminPostCsv(String path, String csv) {
    HttpResponse<String> r =
        app.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path)))
                .header("Authorization", "Bearer " + TestApp.TOKEN)
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  JsonNode adminPost(String path, String body) {
    HttpResponse<String> r = app.admin("POST", path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  static List<String> answers(JsonNode survey, String kind) {
    List<String> values = new ArrayList<>();
    for (JsonNode a : survey.path("answers")) {
      if (a.path("kind").asText().equals(kind)) {
        values.add(a.path("value").asText());
      }
    }
    return values;
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Discord markdown as a reader sees it: backslash escapes and zero-width spaces removed. */
  static String unescape(String markdown) {
    return markdown.replaceAll("\\\\(\\p{Punct})", "$1").replace("\u200B", "");
  }

  /** All text of a message: content plus every embed's title, description and footer. */
  static String text(JsonNode message) {
    StringBuilder s = new StringBuilder(message.path("content").asText());
    for (JsonNode e : message.path("embeds")) {
      s.append('\n')
          .append(e.path("title").asText())
          .append('\n')
          .append(e.path("description").asText())
          .append('\n')
          .append(e.path("footer").path("text").asText());
    }
    return unescape(s.toString());
  }
}
