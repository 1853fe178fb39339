package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of("SECRET", "abc", "EMPTY", "")::get);

  @Test
  void emptyFileMeansContractDefaults() {
    Config c = loader.loadString("{}");
    assertThat(c.server().port()).isEqualTo(8080);
    assertThat(c.survey().delay()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.survey().cooldown()).isEqualTo(Duration.ofDays(7));
    assertThat(c.digest().time()).isEqualTo("09:00");
    assertThat(c.delivery().maxAttempts()).isEqualTo(12);
    assertThat(c.retention().keep()).isEqualTo(Duration.ofDays(400));
    assertThat(c.sandboxEnabled()).isTrue();
  }

  @Test
  void aKeyWrittenWithNoValueIsEmptyTextOrRefusedNamingTheKeyNeverANullForTheCode() {
    // "quietHours:" with nothing after it, or "~": YAML reads null. It reached the code as null:
    // check-config and run exited 1 with "Cannot invoke String.isEmpty()" and no key named
    for (ConfigKeys.Key key : ConfigKeys.all()) {
      if (key.path().contains(ConfigKeys.NAME)) {
        continue;
      }
      String yaml = nested(key.path(), "null");
      try {
        Config c = loader.loadString(yaml);
        assertThat(c).as(yaml).isNotNull();
      } catch (ConfigException e) {
        assertThat(e.getMessage()).as(yaml).startsWith(key.path() + ": ");
      }
    }
    assertThat(loader.loadString("survey:\n  quietHours:\n").survey().quietHours()).isEmpty();
    assertThat(loader.loadString("slack: { botToken: ~ }").slack().botToken()).isEmpty();
    assertThatThrownBy(() -> loader.loadString("retention: { keep: }"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "retention.keep: has no value: write one, or leave the key out for the default P400D");
  }

  private static String nested(String path, String value) {
    String[] parts = path.split("\\.");
    StringBuilder yaml = new StringBuilder();
    for (String part : parts) {
      yaml.append(part).append(": { ");
    }
    yaml.setLength(yaml.length() - 2);
    yaml.append(value).append(" }".repeat(parts.length - 1));
    return yaml.toString();
  }

  @Test
  void interpolatesEnvironment() {
    Config c =
        loader.loadString(
            "intake: { secret: \"${SECRET}\" }\nadmin: { token: \"${MISSING:-fallback}\" }");
    assertThat(c.intake().secret()).isEqualTo("abc");
    assertThat(c.admin().token()).isEqualTo("fallback");
  }

  @Test
  void unsetVariableWithoutDefaultIsAnError() {
    assertThatThrownBy(() -> loader.loadString("admin: { token: \"${NOPE}\" }"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin.token");
  }

  @Test
  void aKeyWrittenTwiceInTheFileIsRefusedWithItsPathNotSilentlyOverwritten(@TempDir Path dir)
      throws Exception {
    // two server: blocks, the second from a pasted example: the first's port was lost
    Path twoServers = dir.resolve("a.yml");
    Files.writeString(twoServers, "server: { port: 9000 }\nserver: { portFile: p }\n");
    assertThatThrownBy(() -> loader.load(twoServers))
        .isInstanceOf(ConfigException.class)
        .hasMessage("server: appears twice");
    Path twoDelays = dir.resolve("b.yml");
    Files.writeString(twoDelays, "survey:\n  delay: PT1M\n  delay: PT2M\n");
    assertThatThrownBy(() -> loader.load(twoDelays))
        .isInstanceOf(ConfigException.class)
        .hasMessage("survey.delay: appears twice");
  }

  @Test
  void aValueOfTheWrongTypeSaysWhatItMustBeInPlainWords() {
    assertThatThrownBy(() -> loader.loadString("server: { port: abc }"))
        .hasMessage("server.port: must be a whole number, got \"abc\"");
    assertThatThrownBy(() -> loader.loadString("survey: { delay: 15m }"))
        .hasMessage("survey.delay: must be an ISO-8601 duration like PT15M or P7D, got \"15m\"");
    assertThatThrownBy(() -> loader.loadString("sandbox: { enabled: maybe }"))
        .hasMessage("sandbox.enabled: must be true or false, got \"maybe\"");
    assertThatThrownBy(() -> loader.loadString("digest: { weekly: { day: FUNDAY } }"))
        .hasMessage(
            "digest.weekly.day: must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY,"
                + " SATURDAY, SUNDAY, got \"FUNDAY\"");
  }

  @Test
  void unknownKeysAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> loader.loadString("survey: { delai: PT1M }"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("survey.delai")
        .hasMessageContaining("unknown key");
    assertThatThrownBy(() -> loader.loadString("bogus: 1"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bogus");
  }

  @Test
  void badValuesAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> loader.loadString("survey: { delay: soon }"))
        .hasMessageContaining("survey.delay");
    assertThatThrownBy(() -> loader.loadString("survey: { sampleRate: 1.5 }"))
        .hasMessageContaining("survey.sampleRate");
    assertThatThrownBy(() -> loader.loadString("survey: { quietHours: \"8pm-8am\" }"))
        .hasMessageContaining("survey.quietHours");
    assertThatThrownBy(() -> loader.loadString("digest: { zone: Mars/Olympus }"))
        .hasMessageContaining("digest.zone");
    assertThatThrownBy(() -> loader.loadString("digest: { time: \"25:00\" }"))
        .hasMessageContaining("digest.time");
    assertThatThrownBy(() -> loader.loadString("server: { port: 70000 }"))
        .hasMessageContaining("server.port");
    assertThatThrownBy(() -> loader.loadString("survey: { preferPlatform: teams }"))
        .hasMessageContaining("survey.preferPlatform");
    // a sender the mail library refuses at every send, or one that would end the header
    for (String from :
        new String[] {
          "\"a@b.example\\r\\nBcc: x@y.example\"", "\"a@b.example, c@d.example\"", "\"@\""
        }) {
      assertThatThrownBy(
              () -> loader.loadString("mail: { smtp: { host: relay, from: " + from + " } }"))
          .as(from)
          .hasMessageContaining("mail.smtp.from");
    }
    assertThat(
            loader
                .loadString("mail: { smtp: { host: relay, from: \"Closeloop <cl@b.example>\" } }")
                .mail()
                .smtp()
                .from())
        .isEqualTo("Closeloop <cl@b.example>");
    // no wait between attempts: a few seconds of outage would spend them all and dead-letter
    for (String none : new String[] {"PT0S", "PT0.01S"}) {
      assertThatThrownBy(() -> loader.loadString("delivery: { backoff: " + none + " }"))
          .hasMessageContaining("delivery.backoff")
          .hasMessageContaining("PT0.1S");
    }
    // past 2 GiB the limit overflowed an int and every helpdesk webhook was a 500; a body is read
    // into memory, so the limit stays far below the heap
    for (String huge : new String[] {"2147483647", "3000000000", "67108865"}) {
      assertThatThrownBy(() -> loader.loadString("intake: { maxBodyBytes: " + huge + " }"))
          .hasMessageContaining("intake.maxBodyBytes");
    }
  }

  @Test
  void zeroDurationsMeanNone() {
    Config c = loader.loadString("survey: { delay: PT0S, cooldown: PT0S, reminderAfter: PT0S }");
    assertThat(c.survey().reminderAfter()).isZero();
  }

  @Test
  void slackBotTokenNeedsAMode() {
    assertThatThrownBy(() -> loader.loadString("slack: { botToken: xoxb-1 }"))
        .hasMessageContaining("slack.appToken");
    Config c = loader.loadString("slack: { botToken: xoxb-1, signingSecret: s }");
    assertThat(c.slack().socketMode()).isFalse();
    assertThat(c.sandboxEnabled()).isFalse();
  }

  @Test
  void teamsAreAFreeMap() {
    Config c =
        loader.loadString(
            "digest: { teams: { network: { slackChannel: C1, discordChannel: \"\" } } }");
    assertThat(c.digest().teams()).containsKey("network");
  }
}
