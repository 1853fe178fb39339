package dev.closeloop.app;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a chat user is on the IT team, and so may see team figures ({@code /closeloop stats}) or
 * act on the digest's incidents.
 */
public interface TeamCheck {
  boolean inTeam(PlatformId platform, String userId);

  /**
   * Whether the user may own or follow up an incident from the digest. With {@code
   * stats.slackUsergroup} / {@code stats.discordRole} set: its members, or members of (Slack) /
   * those able to see (Discord) a channel a digest goes to, the main one or a team's ({@code
   * digest.teams}), asked of the platform at every click and note. With neither set: a click on a
   * message in a digest channel, or a note (its dialog opens only after such a click), is taken as
   * it comes; a click from anywhere else (a copy of the entry elsewhere) is asked of the platform
   * as above. {@code where} is the channel the click came from, null for a note.
   */
  boolean actsOnIncidents(PlatformId platform, String userId, String where);

  /**
   * Who may see team figures: stats.slackUsergroup / stats.discordRole when set, else the members
   * of the digest channel (Slack) or those who can see it (Discord); everyone at the sandbox.
   */
  static TeamCheck of(Config config, Map<PlatformId, ChatPlatform> platforms) {
    return new TeamCheck() {
      @Override
      public boolean inTeam(PlatformId platform, String userId) {
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
      }

      @Override
      public boolean actsOnIncidents(PlatformId platform, String userId, String where) {
        ChatPlatform p = platforms.get(platform);
        if (p == null) {
          return false;
        }
        if (platform != PlatformId.SLACK && platform != PlatformId.DISCORD) {
          return p.inTeam(userId, "", "");
        }
        List<String> channels = digestChannels(config, platform, where);
        String group =
            platform == PlatformId.SLACK
                ? config.stats().slackUsergroup()
                : config.stats().discordRole();
        boolean groupSet = group != null && !group.isBlank();
        if (!groupSet
            && (where == null || (!channels.isEmpty() && channels.get(0).equals(where.strip())))) {
          // no group named: whoever the platform shows a digest channel to is the team, and a
          // click on a message in that channel comes only from them (a dialog opens only after
          // such a click). Asking the platform here would make every owner's click depend on
          // its member lists (and cost calls within Slack's 3 s)
          return true;
        }
        if (groupSet && !channels.isEmpty()) {
          // a Discord role is looked up in the guild of the channel given
          if (p.inTeam(userId, group, channels.get(0))) {
            return true;
          }
        }
        for (String channel : channels) {
          if (p.inTeam(userId, "", channel)) {
            return true;
          }
        }
        return false;
      }
    };
  }

  /** The channels a digest goes to on {@code platform}, {@code where} first if it is one. */
  private static List<String> digestChannels(Config config, PlatformId platform, String where) {
    Set<String> configured = new LinkedHashSet<>();
    boolean slack = platform == PlatformId.SLACK;
    String main = slack ? config.digest().slackChannel() : config.digest().discordChannel();
    if (main != null && !main.isBlank()) {
      configured.add(main.strip());
    }
    if (config.digest().teams() != null) {
      for (Config.Team t : config.digest().teams().values()) {
        String c = slack ? t.slackChannel() : t.discordChannel();
        if (c != null && !c.isBlank()) {
          configured.add(c.strip());
        }
      }
    }
    List<String> out = new ArrayList<>();
    if (where != null && configured.contains(where.strip())) {
      out.add(where.strip());
    }
    for (String c : configured) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }
}
