package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Config;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config files we ship load as they are, with no environment set. */
class ShippedConfigTest {
  private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

  @Test
  void defaultConfigRunsTheSandbox() {
    Config c = loader.load(Path.of("bot-config/closeloop.yml"));
    assertThat(c.sandboxEnabled()).isTrue();
    assertThat(c.intake().secret()).isEmpty();
  }

  @Test
  void exampleConfigIsValidAndEqualToTheDefaults() {
    Config example = loader.load(Path.of("bot-config/closeloop.example.yml"));
    Config defaults = loader.loadString("{}");
    assertThat(example).isEqualTo(defaults);
  }
}
