package dev.closeloop.app;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import java.util.Map;

/**
 * Whether a chat user is on the IT team, and so may see team figures ({@code /closeloop stats}).
 */
@FunctionalInterface
public interface TeamCheck {
  boolean inTeam(PlatformId platform, String userId);

  /**
   * Who may see team figures: stats.slackUsergroup / stats.discordRole when set, else the members
   * of the digest channel (Slack) or those who can see it (Discord); everyone at the sandbox.
   */
  static TeamCheck of(Config config, Map<PlatformId, ChatPlatform> platforms) {
    return (platform, userId) -> {
      ChatPlatform p = platforms.get(platform);
      if (p == null) {
        return false;
      }
      return switch (platform) {
        case SLACK ->
            p.inTeam(userId, config.stats().slackUsergroup(), config.digest().slackChannel());
        case DISCORD ->
            p.inTeam(userId, config.stats().discordRole(), config.digest().discordChannel());
        default -> p.inTeam(userId, "", "");
      };
    };
  }
}
