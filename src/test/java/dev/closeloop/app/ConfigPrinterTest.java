package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Config;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What check-config prints: every real key, durations as written, no secret, loads back. */
class ConfigPrinterTest {
  private static final String FILE =
      """
      storage: { url: "jdbc:postgresql://db:5432/closeloop", user: closeloop, password: pg-pass }
      intake: { secret: "${INTAKE_SECRET}" }
      admin: { token: "${ADMIN_TOKEN:-}" }
      slack: { botToken: xoxb-literal, appToken: "${SLACK_APP_TOKEN:-xapp-fallback}" }
      survey: { delay: PT900S, cooldown: P7D, expireAfter: PT72H, reminderAfter: PT0S, quietHours: "" }
      digest:
        teams: { network: { slackChannel: C0NET, discordChannel: "" } }
        ownerReminderAfter: P2D
      retention: { keep: P30D }
      connectors: { jira: { apiToken: jira-token, pollEvery: PT5M } }
      """;

  private final Map<String, String> env =
      Map.of("INTAKE_SECRET", "from-env-intake", "ADMIN_TOKEN", "from-env-admin");

  private ConfigPrinter.Printed print(Map<String, String> environment, String yaml) {
    ConfigLoader.Loaded loaded = new ConfigLoader(environment::get).loadStringWritten(yaml);
    return new ConfigPrinter(environment::get).print(loaded);
  }

  @Test
  void whatIsPrintedLoadsBackToTheSameConfig() {
    Config original = new ConfigLoader(env::get).loadString(FILE);
    ConfigPrinter.Printed printed = print(env, FILE);

    Map<String, String> withLiterals = new HashMap<>(env);
    withLiterals.putAll(printed.literalSecrets());
    Config reloaded = new ConfigLoader(withLiterals::get).loadString(printed.yaml());

    assertThat(reloaded).isEqualTo(original);
    assertThat(withoutComments(print(withLiterals, printed.yaml()).yaml()))
        .as("printing what was printed changes nothing")
        .isEqualTo(withoutComments(printed.yaml()));
  }

  @Test
  void durationsAppearAsWritten() {
    String out = print(env, FILE).yaml();
    assertThat(out)
        .contains("cooldown: \"P7D\"", "expireAfter: \"PT72H\"", "ownerReminderAfter: \"P2D\"")
        .contains("keep: \"P30D\"", "reminderAfter: \"PT0S\"", "backfill: \"P1D\"")
        .contains("delay: \"PT900S\"")
        .doesNotContain("E+", "604800", "PT168H", "PT15M");
  }

  @Test
  void noSecretIsPrintedAndEachBecomesAnEnvironmentReference() {
    ConfigPrinter.Printed printed = print(env, FILE);
    assertThat(printed.yaml())
        .doesNotContain(
            "pg-pass", "from-env-intake", "from-env-admin", "xoxb-literal", "xapp-fallback")
        .doesNotContain("jira-token")
        .contains("secret: \"${INTAKE_SECRET}\"", "token: \"${ADMIN_TOKEN}\"")
        .contains("botToken: \"${CLOSELOOP_SLACK_BOT_TOKEN}\"")
        .contains("appToken: \"${CLOSELOOP_SLACK_APP_TOKEN}\"")
        .contains("password: \"${CLOSELOOP_STORAGE_PASSWORD}\"")
        .contains("apiToken: \"${CLOSELOOP_CONNECTORS_JIRA_API_TOKEN}\"")
        .as("the header names the variables to set")
        .contains("# this output back, set each to its value in the file: ")
        .contains("CLOSELOOP_SLACK_BOT_TOKEN");
    assertThat(printed.literalSecrets())
        .containsEntry("CLOSELOOP_SLACK_BOT_TOKEN", "xoxb-literal")
        .containsEntry("CLOSELOOP_SLACK_APP_TOKEN", "xapp-fallback")
        .doesNotContainKey("INTAKE_SECRET");
  }

  @Test
  void onlyTheKeysOfTheRecordsArePrinted() throws Exception {
    String out = print(env, FILE).yaml();
    assertThat(out).doesNotContain("postgres:", "configured", "socketMode", "sandboxEnabled");

    JsonNode tree = ConfigLoader.mapper().readTree(out);
    List<String> printed = new ArrayList<>();
    leaves(tree, "", printed);
    List<String> keys =
        ConfigKeys.all().stream()
            .map(ConfigKeys.Key::path)
            .filter(p -> !p.contains(ConfigKeys.NAME))
            .toList();
    assertThat(printed)
        .filteredOn(p -> !p.startsWith("digest.teams."))
        .containsExactlyElementsOf(keys);
    assertThat(printed).contains("digest.teams.network.slackChannel");
  }

  private static String withoutComments(String yaml) {
    return yaml.replaceAll("(?m)^#.*\n", "");
  }

  private static void leaves(JsonNode node, String path, List<String> out) {
    if (node.isObject() && !(node.isEmpty() && !path.isEmpty())) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (child.equals("digest.teams")) {
          out.add(child);
        }
        leaves(e.getValue(), child, out);
      }
    } else if (!path.equals("digest.teams")) {
      out.add(path);
    }
  }
}
