package dev.closeloop.survey.usecase;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import dev.closeloop.config.Config;
import dev.closeloop.store.People;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.survey.SkipReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a survey goes: the preferred platform where the person is reachable, else the other, else
 * the sandbox; looked up on the platform unless the ticket already gave what is needed.
 */
final class SurveyTargets {
  private final Jdbi jdbi;
  private final Config config;
  private final Map<PlatformId, ChatPlatform> platforms;

  SurveyTargets(Jdbi jdbi, Config config, Map<PlatformId, ChatPlatform> platforms) {
    this.jdbi = jdbi;
    this.config = config;
    this.platforms = platforms;
  }

  /** Where a survey goes: platform and user id, or why it cannot go anywhere. */
  record Target(
      PlatformId platform, String userId, String timezone, String locale, SkipReason skip) {
    Target(PlatformId platform, String userId, String timezone, SkipReason skip) {
      this(platform, userId, timezone, null, skip);
    }
  }

  /** Picks the platform: the preferred one where the person is reachable, else the other. */
  Target choose(SurveyRow s) {
    if (SurveyRow.SANDBOX_SOURCE.equals(s.source()) && platforms.containsKey(PlatformId.SANDBOX)) {
      return new Target(PlatformId.SANDBOX, s.personKey(), null, null);
    }
    List<PlatformId> order = new ArrayList<>();
    PlatformId preferred =
        "discord".equals(config.survey().preferPlatform()) ? PlatformId.DISCORD : PlatformId.SLACK;
    order.add(preferred);
    order.add(preferred == PlatformId.SLACK ? PlatformId.DISCORD : PlatformId.SLACK);
    boolean sawUnknown = false;
    boolean sawUnavailable = false;
    for (PlatformId p : order) {
      ChatPlatform platform = platforms.get(p);
      if (platform == null) {
        continue;
      }
      Recipient r = recipient(s, p);
      if (r == null) {
        continue;
      }
      if (knownWithoutLookup(s, p, r)) {
        // the id is given and nothing else is needed from the platform: a refused id shows at send
        // time (unknown_user / dm_closed), and a rate-limited lookup per survey is saved
        return new Target(p, p == PlatformId.SLACK ? r.slackId() : r.discordId(), null, null);
      }
      UserLookup result = platform.lookup(r);
      if (result instanceof UserLookup.Found f) {
        return new Target(p, f.userId(), f.timezone(), f.locale(), null);
      } else if (result instanceof UserLookup.Unknown) {
        sawUnknown = true;
      } else {
        sawUnavailable = true;
      }
    }
    if (sawUnavailable) {
      return new Target(null, null, null, null);
    }
    if (sawUnknown) {
      return new Target(null, null, null, SkipReason.UNKNOWN_USER);
    }
    if (platforms.containsKey(PlatformId.SANDBOX)
        && (SurveyRow.SANDBOX_SOURCE.equals(s.source()) || config.sandbox().takesRealTickets())) {
      // real tickets reach the demo chat only when the operator says so (sandbox.enabled: true)
      return new Target(PlatformId.SANDBOX, s.personKey(), null, null);
    }
    return new Target(null, null, null, SkipReason.NO_IDENTITY);
  }

  /**
   * Slack: an id, a time zone and a locale from the payload; Discord: an id (it has no zone or
   * locale to give outside an interaction).
   */
  private static boolean knownWithoutLookup(SurveyRow s, PlatformId p, Recipient r) {
    if (p == PlatformId.SLACK) {
      return r.slackId() != null && s.timezone() != null && s.locale() != null;
    }
    return p == PlatformId.DISCORD && r.discordId() != null;
  }

  /** What this platform can use to find the person, or null when it has nothing. */
  private Recipient recipient(SurveyRow s, PlatformId p) {
    if (p == PlatformId.SLACK) {
      return s.slackId() != null || s.requesterEmail() != null
          ? new Recipient(s.requesterEmail(), s.slackId(), null, s.locale() == null)
          : null;
    }
    String discordId = s.discordId();
    if (discordId == null && s.requesterEmail() != null) {
      discordId =
          jdbi.withHandle(h -> new People(h).linkedDiscordId(s.requesterEmail())).orElse(null);
    }
    return discordId != null ? new Recipient(s.requesterEmail(), null, discordId) : null;
  }
}
