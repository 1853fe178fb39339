package dev.closeloop.app;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.discord.DiscordPlatform;
import dev.closeloop.chat.sandbox.SandboxPlatform;
import dev.closeloop.chat.slack.SlackPlatform;
import dev.closeloop.config.Config;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Builds the chat adapters the config asks for. */
final class Platforms {
  private Platforms() {}

  static Map<PlatformId, ChatPlatform> create(Config config, Jdbi jdbi, Clock clock) {
    Map<PlatformId, ChatPlatform> platforms = new EnumMap<>(PlatformId.class);
    if (config.slack().configured()) {
      platforms.put(
          PlatformId.SLACK,
          new SlackPlatform(config.slack(), SlackPlatform.Options.defaults(), config.timeouts()));
    }
    if (config.discord().configured()) {
      platforms.put(PlatformId.DISCORD, new DiscordPlatform(config.discord(), config.timeouts()));
    }
    if (config.sandboxEnabled()) {
      platforms.put(PlatformId.SANDBOX, new SandboxPlatform(jdbi, clock));
    }
    return platforms;
  }
}
