package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.link.LinkRules;
import dev.closeloop.store.People;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking a Discord account to an email needs proof: a code mailed to the address (GreenMail on
 * 127.0.0.1 stands in for the relay) or, without mail, an admin's approval. What an attacker in the
 * Discord server can do: ask, guess five times per code, and nothing more.
 */
class LinkVerificationTest {
  static final String DANA = "dana@example.com";
  static final String DANA_DISCORD = "111111111111111111";
  static final String MALLORY = "666666666666666666";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  GreenMail mail;
  TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (mail != null) {
      mail.stop();
    }
  }

  void startWithMail() {
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    app =
        TestApp.start(
            dir,
            """
            mail: { smtp: { host: "127.0.0.1", port: %d, from: "closeloop@example.com", startTls: false } }
            """
                .formatted(mail.getSmtp().getPort()),
            clock);
    importDana();
  }

  void importDana() {
    assertThat(app.admin("POST", "/admin/links", DANA + "," + DANA_DISCORD).statusCode())
        .isEqualTo(200);
  }

  String say(String discordUser, String name, String args) {
    InteractionReply r =
        app.app
            .conversations()
            .handle(new ChatEvent.Command(PlatformId.DISCORD, discordUser, name, args));
    assertThat(r).isInstanceOf(InteractionReply.Ephemeral.class);
    return ((InteractionReply.Ephemeral) r).text();
  }

  Optional<String> linkedTo(String email) {
    return app.app.db().jdbi().withHandle(h -> new People(h).linkedDiscordId(email));
  }

  List<String> discordDms() {
    return app.app
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT payload FROM outbox WHERE platform = 'discord' ORDER BY id")
                    .mapTo(String.class)
                    .list());
  }

  /** The code in the latest mail to {@code to}. */
  String mailedCode(String to, int mails) throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length >= mails);
    MimeMessage last = mail.getReceivedMessages()[mails - 1];
    assertThat(last.getAllRecipients()[0].toString()).isEqualTo(to);
    Matcher m = Pattern.compile("verify (\\d{6})").matcher(GreenMailUtil.getBody(last));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void anotherAccountCannotTakeALinkWithoutTheMailedCode() throws Exception {
    startWithMail();

    String reply = say(MALLORY, "mallory", "link " + DANA);
    assertThat(reply).contains("d\u2022\u2022\u2022@example.com").contains("/closeloop verify");
    assertThat(linkedTo(DANA)).contains(DANA_DISCORD); // nothing changed by asking

    String code = mailedCode(DANA, 1);
    String wrong = code.equals("000000") ? "000001" : "000000";
    for (int i = 1; i <= 4; i++) {
      assertThat(say(MALLORY, "mallory", "verify " + wrong)).contains("not right");
    }
    assertThat(say(MALLORY, "mallory", "verify " + wrong)).contains("last try");
    // the right code is worthless once the tries are spent
    assertThat(say(MALLORY, "mallory", "verify " + code)).contains("No code is waiting");
    assertThat(linkedTo(DANA)).contains(DANA_DISCORD);

    // only a keyed hash of the code is stored
    List<String> stored =
        app.app
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT code_hash FROM link_requests")
                        .mapTo(String.class)
                        .list());
    assertThat(stored).hasSize(1).allSatisfy(s -> assertThat(s).hasSize(64).doesNotContain(code));
  }

  @Test
  void ofTwoAccountsRacingForOneEmailOnlyTheOneWithTheMailedCodeWins() throws Exception {
    startWithMail();
    String lee = "lee@example.com";
    String leeDiscord = "222222222222222222";

    say(MALLORY, "mallory", "link " + lee);
    String mallorysCode = mailedCode(lee, 1);
    say(leeDiscord, "lee", "link " + lee);
    String leesCode = mailedCode(lee, 2);

    // Mallory cannot use the code mailed for Lee's own request, nor Lee the one for Mallory's
    if (!leesCode.equals(mallorysCode)) {
      assertThat(say(MALLORY, "mallory", "verify " + leesCode)).contains("not right");
    }
    assertThat(say(leeDiscord, "lee", "verify " + leesCode)).startsWith("Linked");
    assertThat(linkedTo(lee)).contains(leeDiscord);
    assertThat(discordDms()).isEmpty(); // nobody was replaced
  }

  @Test
  void aVerifiedRelinkTellsTheEarlierAccountAndAnExpiredCodeDoesNothing() throws Exception {
    startWithMail();
    String danaNew = "444444444444444444";

    say(danaNew, "dana", "link " + DANA);
    String code = mailedCode(DANA, 1);
    clock.advance(Duration.ofMinutes(16));
    assertThat(say(danaNew, "dana", "verify " + code)).contains("expired");
    assertThat(linkedTo(DANA)).contains(DANA_DISCORD);

    say(danaNew, "dana", "link " + DANA);
    String fresh = mailedCode(DANA, 2);
    assertThat(say(danaNew, "dana", "verify " + fresh)).startsWith("Linked");
    assertThat(linkedTo(DANA)).contains(danaNew);
    assertThat(discordDms())
        .singleElement()
        .satisfies(
            dm ->
                assertThat(dm)
                    .contains("\"userId\":\"" + DANA_DISCORD + "\"")
                    .contains("now linked to another Discord account"));
  }

  @Test
  void requestsAreBoundedPerEmailSoNobodyCanFloodAMailboxOrGuessOnAndOn() throws Exception {
    startWithMail();
    for (int i = 0; i < 3; i++) {
      assertThat(say("30000000000000000" + i, "x", "link " + DANA)).contains("mailing");
    }
    assertThat(say("399999999999999999", "x", "link " + DANA)).contains("Too many");
    await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 3);
  }

  /**
   * The limits per account and per mailbox left the relay itself unbounded: many accounts (a
   * member's alternates, a script's), each asking for a few addresses, had the operator's relay
   * mail a code to as many addresses as they liked, each mail carrying the asker's display name.
   * Requests are now bounded overall too ({@link LinkRules#ALL_PER_HOUR} an hour, {@link
   * LinkRules#ALL_PER_DAY} a day); past that, everyone is asked to wait or to ask the IT team.
   */
  @Test
  void requestsAreBoundedOverallSoManyAccountsCannotSpamThroughTheRelay() throws Exception {
    startWithMail();
    for (int i = 0; i < LinkRules.ALL_PER_HOUR; i++) {
      assertThat(say(String.valueOf(500000000000000000L + i), "x", "link p" + i + "@example.com"))
          .as("request " + i)
          .contains("mailing");
    }
    assertThat(say("599999999999999999", "x", "link last@example.com")).contains("Too many");
    List<String> asked =
        app.app
            .db()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT email FROM link_requests").mapTo(String.class).list());
    assertThat(asked).hasSize(LinkRules.ALL_PER_HOUR).doesNotContain("last@example.com");
    clock.advance(Duration.ofMinutes(61));
    assertThat(say("599999999999999999", "x", "link last@example.com")).contains("mailing");
  }

  @Test
  void anAddressSpelledAnotherWayIsNoWayRoundTheLimitsPerEmail() throws Exception {
    startWithMail();
    for (int i = 0; i < 3; i++) {
      assertThat(say("30000000000000000" + i, "x", "link " + DANA)).contains("mailing");
    }
    // each of these would reach Dana's mailbox; none is a new address with limits of its own
    String[] spellings = {
      "<dana@example.com>",
      "dana@example.com(again)",
      "\"dana\"@example.com",
      "dana+1@example.com",
      "DANA+flood@Example.com",
      "dana@example.com\r\nBcc:x@evil.example",
      "dana@example.com\u2028Bcc:x@evil.example"
    };
    for (int i = 0; i < spellings.length; i++) {
      assertThat(say("31000000000000000" + i, "x", "link " + spellings[i]))
          .as(spellings[i])
          .doesNotContain("mailing");
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 3);
  }

  @Test
  void requestsRacingForOneAddressStayWithinItsLimit() throws Exception {
    startWithMail();
    int racers = 12;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(racers);
    try {
      List<java.util.concurrent.Future<String>> replies = new java.util.ArrayList<>();
      for (int i = 0; i < racers; i++) {
        String account = "3200000000000000" + (10 + i);
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return say(account, "x", "link " + DANA);
                }));
      }
      int mailed = 0;
      for (java.util.concurrent.Future<String> r : replies) {
        mailed += r.get().contains("mailing") ? 1 : 0;
      }
      assertThat(mailed).isEqualTo(LinkRules.EMAIL_PER_HOUR);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMailThatCannotBeSentIsReportedToThePersonPolitely() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    app =
        TestApp.start(
            dir,
            "mail: { smtp: { host: \"127.0.0.1\", port: %d, from: \"c@example.com\", startTls: false } }"
                .formatted(closedPort),
            clock);

    String reply = say(MALLORY, "sam", "link sam@example.com");
    assertThat(reply).contains("mailing");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> discordDms().stream().anyMatch(dm -> dm.contains("could not send the code")));
    assertThat(discordDms().get(0)).contains("\"userId\":\"" + MALLORY + "\"");
  }

  @Test
  void withoutMailALinkWaitsForAnAdminAndIsListedApprovedAndTold() throws Exception {
    app = TestApp.start(dir, "", clock, java.util.Map.of(PlatformId.DISCORD, new DiscordStandIn()));
    importDana();

    assertThat(say(MALLORY, "mallory", "link " + DANA)).contains("IT team will confirm");
    assertThat(linkedTo(DANA)).contains(DANA_DISCORD);
    assertThat(say(MALLORY, "mallory", "verify 123456")).contains("No code is waiting");

    var pending = app.admin("GET", "/admin/links?state=pending", null);
    assertThat(pending.statusCode()).isEqualTo(200);
    assertThat(pending.body())
        .contains("\"email\":\"" + DANA + "\"", "\"discordId\":\"" + MALLORY + "\"", "requestedAt");
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(pending.body());
    assertThat(id.find()).isTrue();

    // the CLI goes through the running app's admin API
    Path config = dir.resolve("cli.yml");
    java.nio.file.Files.writeString(
        config,
        "server: { port: %d }\nadmin: { token: \"%s\" }\n".formatted(app.port, TestApp.TOKEN));
    assertThat(CliRunner.run("links", "--config", config.toString())).isZero();
    assertThat(CliRunner.run("link", "approve", "999", "--config", config.toString())).isEqualTo(1);
    assertThat(CliRunner.run("link", "approve", id.group(1), "--config", config.toString()))
        .isZero();

    assertThat(linkedTo(DANA)).contains(MALLORY);
    assertThat(app.admin("GET", "/admin/links?state=pending", null).body())
        .isEqualTo("{\"links\":[]}");
    assertThat(app.admin("POST", "/admin/links/" + id.group(1) + "/approve", null).statusCode())
        .isEqualTo(404);
    assertThat(discordDms())
        .anySatisfy(dm -> assertThat(dm).contains(DANA_DISCORD, "another Discord account"))
        .anySatisfy(dm -> assertThat(dm).contains(MALLORY, "Your IT team linked"));
  }

  /**
   * Without Discord, nobody there can be told: an import line that would move an email to another
   * Discord account is refused naming the line (400; the CLI exits 2), nothing is imported, and no
   * DM is queued to be dead-lettered. New links, with nobody to tell, are stored; an approval waits
   * until Discord is set up. Before: {"linked":2}, and the earlier account's DM went straight to a
   * dead outbox row.
   */
  @Test
  void withoutDiscordAnImportThatWouldMoveALinkIsRefusedNamingTheLineAndNothingIsQueued()
      throws Exception {
    app = TestApp.start(dir, "", clock);
    importDana(); // a new link: nobody to tell
    var moved =
        app.admin(
            "POST",
            "/admin/links",
            "email,discordId\nerin@example.com,222222222222222222\n"
                + DANA
                + ",333333333333333333\n");
    assertThat(moved.statusCode()).isEqualTo(400);
    assertThat(moved.body()).contains("line 3", DANA, "discord.token");
    assertThat(linkedTo(DANA)).contains(DANA_DISCORD);
    assertThat(linkedTo("erin@example.com")).isEmpty(); // all or nothing
    // the same link again moves nothing
    assertThat(app.admin("POST", "/admin/links", DANA + "," + DANA_DISCORD).statusCode())
        .isEqualTo(200);

    Path csv = dir.resolve("move.csv");
    java.nio.file.Files.writeString(csv, DANA + ",333333333333333333\n");
    Path config = dir.resolve("cli.yml");
    java.nio.file.Files.writeString(
        config,
        "server: { port: %d }\nadmin: { token: \"%s\" }\n".formatted(app.port, TestApp.TOKEN));
    assertThat(CliRunner.run("link", "import", csv.toString(), "--config", config.toString()))
        .isEqualTo(2);

    assertThat(say(MALLORY, "mallory", "link " + DANA)).contains("IT team will confirm");
    Matcher id =
        Pattern.compile("\"id\":(\\d+)")
            .matcher(app.admin("GET", "/admin/links?state=pending", null).body());
    assertThat(id.find()).isTrue();
    var approve = app.admin("POST", "/admin/links/" + id.group(1) + "/approve", null);
    assertThat(approve.statusCode()).isEqualTo(400);
    assertThat(approve.body()).contains("discord.token");
    assertThat(CliRunner.run("link", "approve", id.group(1), "--config", config.toString()))
        .isEqualTo(2);
    // an id that names no request is that, whatever else is set up
    var unknown = app.admin("POST", "/admin/links/999999/approve", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no pending link request 999999");
    assertThat(CliRunner.run("link", "approve", "999999", "--config", config.toString()))
        .isEqualTo(1);
    // both doors (the route, and `link approve` on the store when no app answers) take their
    // answer from one method, in one order
    assertThat(app.app.adminLinks.approve(999999))
        .isEqualTo(new AdminLinks.Approval.NotPending(999999));
    assertThat(app.app.adminLinks.approve(Long.parseLong(id.group(1))))
        .isInstanceOf(AdminLinks.Approval.Refused.class);
    assertThat(linkedTo(DANA)).contains(DANA_DISCORD);
    assertThat(discordDms()).isEmpty();
  }

  /**
   * One file naming an email twice with two accounts linked it to the first, then moved it to the
   * second, telling the first of a link it never had ("your link was replaced"), and a file naming
   * Dana's current account after another told both accounts of moves that left the link where it
   * was. Such a file is refused naming both lines, nothing is linked and nobody is told; the same
   * line twice is one link.
   */
  @Test
  void anImportNamingOneEmailForTwoAccountsIsRefusedNamingBothLinesAndTellsNobody() {
    app = TestApp.start(dir, "", clock, java.util.Map.of(PlatformId.DISCORD, new DiscordStandIn()));
    importDana();
    var r =
        app.admin(
            "POST",
            "/admin/links",
            "email,discordId\nerin@example.com,222222222222222222\n"
                + "ERIN@example.com,333333333333333333\n"
                + DANA
                + ",444444444444444444\n"
                + DANA
                + ","
                + DANA_DISCORD
                + "\n");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("lines 2 and 3", "erin@example.com");
    assertThat(linkedTo("erin@example.com")).isEmpty();
    assertThat(linkedTo(DANA)).contains(DANA_DISCORD);
    assertThat(discordDms()).isEmpty();

    var twice =
        app.admin(
            "POST",
            "/admin/links",
            DANA + ",444444444444444444\n" + DANA + ",444444444444444444\n");
    assertThat(twice.statusCode()).isEqualTo(200);
    assertThat(twice.body()).contains("\"linked\":1");
    assertThat(linkedTo(DANA)).contains("444444444444444444");
    assertThat(discordDms()).hasSize(1);
    assertThat(discordDms().get(0)).contains("\"userId\":\"" + DANA_DISCORD + "\"");
  }

  /**
   * One Discord account linked to two addresses (a work and a personal one, imported or verified)
   * is one person: "stop" from that account opted out only the first address the store returned,
   * and a ticket of the other still surveyed the account that had said stop. Every linked address
   * is opted out (and back in), and a survey bound for a Discord account counts the opt-out of any
   * address linked to it, also one linked after the stop.
   */
  @Test
  void stopFromAnAccountLinkedToTwoAddressesHoldsForBoth() {
    app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }",
            clock,
            java.util.Map.of(PlatformId.DISCORD, new DiscordStandIn()));
    assertThat(
            app.admin(
                    "POST",
                    "/admin/links",
                    "dana@example.com,"
                        + DANA_DISCORD
                        + "\ndana.private@example.org,"
                        + DANA_DISCORD
                        + "\n")
                .statusCode())
        .isEqualTo(200);
    say(DANA_DISCORD, "dana", "stop");
    assertThat(
            app.admin("POST", "/admin/links", "dana.third@example.net," + DANA_DISCORD + "\n")
                .statusCode())
        .isEqualTo(200);
    String[] addresses = {"dana@example.com", "dana.private@example.org", "dana.third@example.net"};
    for (int i = 0; i < addresses.length; i++) {
      assertThat(
              app.webhook(
                      TestApp.closed(
                          "INC-" + i, clock.instant(), "{\"email\":\"" + addresses[i] + "\"}"))
                  .statusCode())
          .isEqualTo(202);
    }
    clock.advance(Duration.ofMinutes(1));
    app.tick();
    for (int i = 0; i < addresses.length; i++) {
      String surveys = app.admin("GET", "/admin/surveys?ticket=INC-" + i, null).body();
      assertThat(surveys).as(addresses[i]).contains("\"state\":\"skipped\"");
      assertThat(surveys).as(addresses[i]).contains("\"reason\":\"opted_out\"");
    }
    assertThat(discordDms()).isEmpty();
  }

  /** Discord as configured, for the admin paths that ask; nothing here is ever sent. */
  static final class DiscordStandIn implements dev.closeloop.chat.ChatPlatform {
    @Override
    public PlatformId id() {
      return PlatformId.DISCORD;
    }

    @Override
    public void start(dev.closeloop.chat.ChatEventHandler handler) {}

    @Override
    public void stop() {}

    @Override
    public boolean connected() {
      return true;
    }

    @Override
    public dev.closeloop.chat.UserLookup lookup(dev.closeloop.chat.Recipient recipient) {
      return new dev.closeloop.chat.UserLookup.Unavailable("stand-in");
    }

    @Override
    public dev.closeloop.chat.MessageRef send(dev.closeloop.chat.Outgoing outgoing)
        throws dev.closeloop.chat.DeliveryException {
      throw new UnsupportedOperationException("the test never delivers");
    }

    @Override
    public Optional<dev.closeloop.chat.MessageRef> reconcile(dev.closeloop.chat.Outgoing outgoing) {
      return Optional.empty();
    }
  }
}
