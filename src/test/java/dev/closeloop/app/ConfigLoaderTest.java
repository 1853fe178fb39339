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
  void aBareReferenceInAFlowMappingReadsAsInBlockStyle(@TempDir Path dir) throws Exception {
    // `{ secret: ${SECRET} }` is not YAML as written ({ and } are flow indicators): read as if
    // quoted, as the same line in block style reads
    Path file = dir.resolve("flow.yml");
    Files.writeString(
        file,
        "intake: { secret: ${SECRET}, maxBodyBytes: 2048 }\n"
            + "admin: {token: ${MISSING:-fall back}}\n"
            + "slack:\n  apiUrl: ${MISSING:-http://127.0.0.1:9/api/} # a comment\n");
    Config c = loader.load(file);
    assertThat(c.intake().secret()).isEqualTo("abc");
    assertThat(c.intake().maxBodyBytes()).isEqualTo(2048);
    assertThat(c.admin().token()).isEqualTo("fall back");
    assertThat(c.slack().apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
    assertThat(loader.loadString("admin: { token: ${SECRET} }").admin().token()).isEqualTo("abc");
    // still refused: an unset variable names its key; YAML broken elsewhere says so
    assertThatThrownBy(() -> loader.loadString("admin: { token: ${NOPE} }"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin.token");
    assertThatThrownBy(() -> loader.loadString("admin: { token: ${SECRET} \nserver: ["))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
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
  void aValueOfAnotherKindIsNotBentIntoShape() {
    // a fraction where a whole number goes was cut (2.5 became 2: one more score counted as
    // fine) and a number where a yes/no goes was read as one; each is refused with its key, as
    // "15m" is; so is a number where a duration goes (read as seconds before) or where a day of
    // the week goes (read as the enum's index: 1 was TUESDAY)
    assertThatThrownBy(() -> loader.loadString("digest: { negativeAtOrBelow: 2.5 }"))
        .hasMessage("digest.negativeAtOrBelow: must be a whole number, got \"2.5\"");
    assertThatThrownBy(() -> loader.loadString("server: { port: 8080.5 }"))
        .hasMessage("server.port: must be a whole number, got \"8080.5\"");
    assertThatThrownBy(() -> loader.loadString("delivery: { maxAttempts: 3.7 }"))
        .hasMessage("delivery.maxAttempts: must be a whole number, got \"3.7\"");
    assertThatThrownBy(() -> loader.loadString("survey: { weekends: 1 }"))
        .hasMessage("survey.weekends: must be true or false, got \"1\"");
    assertThatThrownBy(() -> loader.loadString("survey: { delay: 900 }"))
        .hasMessage("survey.delay: must be an ISO-8601 duration like PT15M or P7D, got \"900\"");
    assertThatThrownBy(() -> loader.loadString("digest: { weekly: { day: 1 } }"))
        .hasMessageStartingWith("digest.weekly.day: must be one of MONDAY, TUESDAY,")
        .hasMessageEndingWith("got \"1\"");
    assertThatThrownBy(() -> loader.loadString("digest: { teams: { net: { slack: C1 } } }"))
        .hasMessage("digest.teams.net.slack: unknown key");
    // what ${VAR} gives is text: a whole number or a yes/no written as text still reads
    ConfigLoader withEnv =
        new ConfigLoader(Map.of("PORT", "9090", "WEEKENDS", "true", "TRIES", "3")::get);
    Config c =
        withEnv.loadString(
            "server: { port: \"${PORT}\" }\nsurvey: { weekends: \"${WEEKENDS}\" }\n"
                + "delivery: { maxAttempts: \"${TRIES:-12}\" }");
    assertThat(c.server().port()).isEqualTo(9090);
    assertThat(c.survey().weekends()).isTrue();
    assertThat(c.delivery().maxAttempts()).isEqualTo(3);
  }

  @Test
  void everyAddressNamesOneHostOfItsOwnKind() {
    // a subdomain that ends the host sent the Zendesk credentials to another one (the jar polled
    // evil.example/x with them); an address that does not parse failed every poll with a stack
    // trace, after an exit 0 at start
    String[][] refused = {
      {
        "connectors: { zendesk: { subdomain: \"evil.example/x?\" } }",
        "connectors.zendesk.subdomain"
      },
      {
        "connectors: { zendesk: { subdomain: \"acme.evil.example\" } }",
        "connectors.zendesk.subdomain"
      },
      {"connectors: { jira: { baseUrl: \"http://a b/\" } }", "connectors.jira.baseUrl"},
      {"connectors: { jira: { baseUrl: \"http://\" } }", "connectors.jira.baseUrl"},
      {"connectors: { jira: { baseUrl: \"https://x.example?jql=a\" } }", "connectors.jira.baseUrl"},
      {"connectors: { glpi: { baseUrl: \"https://x.example#a\" } }", "connectors.glpi.baseUrl"},
      {
        "connectors: { generic: { writeBackUrl: \"http://[x\", writeBackSecret: s } }",
        "connectors.generic.writeBackUrl"
      },
      {"connectors: { servicenow: { table: \"../../x\" } }", "connectors.servicenow.table"},
      {"slack: { apiUrl: \"http://a b/\" }", "slack.apiUrl"},
      {"discord: { apiUrl: \"http:///\" }", "discord.apiUrl"},
      {"discord: { gatewayUrl: \"javascript:x\" }", "discord.gatewayUrl"},
    };
    for (String[] c : refused) {
      assertThatThrownBy(() -> loader.loadString(c[0]))
          .as(c[0])
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(c[1] + ": ");
    }
    Config ok =
        loader.loadString(
            "connectors: { zendesk: { subdomain: acme-it }, jira: { baseUrl:"
                + " \"https://acme.atlassian.net/\" }, servicenow: { table: u_it_incident } }\n"
                + "discord: { gatewayUrl: \"wss://gateway.discord.gg\" }");
    assertThat(ok.connectors().zendesk().subdomain()).isEqualTo("acme-it");
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
