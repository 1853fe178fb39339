package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.ConfigDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/reference.md says what the code does: its generated parts (config keys, CLI verbs, admin
 * API) are what {@code closeloop config-reference --write docs/reference.md} writes today.
 */
class ConfigReferenceTest {
  private static final Path REFERENCE = Path.of("docs/reference.md");
  private static final String FIX =
      " (run: java -jar target/closeloop.jar config-reference --write docs/reference.md)";

  @Test
  void referenceMatchesTheRecordsRoutesAndVerbs() throws Exception {
    String file = Files.readString(REFERENCE);
    assertThat(file)
        .contains("<!-- generated: config ", "<!-- generated: cli ", "<!-- generated: admin-api ");
    assertThat(ConfigReference.rewrite(file))
        .as("docs/reference.md is stale" + FIX)
        .isEqualTo(file);
  }

  @Test
  void everyKeyHasADescriptionAndEveryDescriptionAKey() {
    List<String> keys = ConfigKeys.all().stream().map(ConfigKeys.Key::path).toList();
    assertThat(keys)
        .as("keys without an entry in ConfigDocs.KEYS")
        .allMatch(ConfigDocs.KEYS::containsKey);
    assertThat(ConfigDocs.KEYS.keySet())
        .as("entries of ConfigDocs.KEYS naming no key")
        .allMatch(keys::contains);
    assertThat(ConfigDocs.SECTIONS.keySet())
        .containsExactlyInAnyOrderElementsOf(ConfigKeys.sections());
  }

  @Test
  void exampleConfigShowsEveryKey() throws Exception {
    JsonNode example =
        ConfigLoader.mapper().readTree(Path.of("bot-config/closeloop.example.yml").toFile());
    for (ConfigKeys.Key k : ConfigKeys.all()) {
      if (k.path().contains(ConfigKeys.NAME)
          || ConfigDocs.DEPRECATED_PREFIXES.stream().anyMatch(k.path()::startsWith)) {
        continue;
      }
      JsonNode node = example;
      for (String part : k.path().split("\\.")) {
        node = node.path(part);
      }
      assertThat(node.isMissingNode())
          .as("bot-config/closeloop.example.yml lacks " + k.path())
          .isFalse();
    }
  }

  @Test
  void configReferenceVerbPrintsTheConfigPart() {
    assertThat(ConfigReference.config())
        .contains("| `survey.cooldown` | duration | `P7D` |")
        .contains("| `slack.botToken` | string, secret | `\"\"` |")
        .contains("| `digest.teams.<name>.slackChannel` | string | — |")
        .doesNotContain("**undocumented**", "postgres`");
  }
}
