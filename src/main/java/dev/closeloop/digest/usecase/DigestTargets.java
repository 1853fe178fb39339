package dev.closeloop.digest.usecase;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where digests go: the main channels, the sandbox team channel, and each team's channels. */
public final class DigestTargets {
  public static final String SANDBOX_TEAM_CHANNEL = "team";

  /** One channel; {@code team} null for the main digest (every entry), else that team's entries. */
  public record Target(PlatformId platform, String channelId, String team) {}

  private DigestTargets() {}

  public static List<Target> of(Config config, Map<PlatformId, ?> platforms) {
    List<Target> targets = new ArrayList<>();
    var d = config.digest();
    if (!d.slackChannel().isEmpty() && platforms.containsKey(PlatformId.SLACK)) {
      targets.add(new Target(PlatformId.SLACK, d.slackChannel(), null));
    }
    if (!d.discordChannel().isEmpty() && platforms.containsKey(PlatformId.DISCORD)) {
      targets.add(new Target(PlatformId.DISCORD, d.discordChannel(), null));
    }
    if (platforms.containsKey(PlatformId.SANDBOX)) {
      targets.add(new Target(PlatformId.SANDBOX, SANDBOX_TEAM_CHANNEL, null));
    }
    d.teams()
        .forEach(
            (team, t) -> {
              if (t.slackChannel() != null
                  && !t.slackChannel().isEmpty()
                  && platforms.containsKey(PlatformId.SLACK)) {
                targets.add(new Target(PlatformId.SLACK, t.slackChannel(), team));
              }
              if (t.discordChannel() != null
                  && !t.discordChannel().isEmpty()
                  && platforms.containsKey(PlatformId.DISCORD)) {
                targets.add(new Target(PlatformId.DISCORD, t.discordChannel(), team));
              }
            });
    return targets;
  }
}
