package dev.closeloop.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.User;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds requesters in the workspace: a known Slack id wins (users.info only adds the time zone),
 * else users.lookupByEmail. Answers are cached for {@link #TTL} (unknown ones for {@link
 * #NEGATIVE_TTL}) in a bounded LRU map, since lookupByEmail is Tier 3 (~50 a minute).
 */
final class SlackUsers {
  private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);
  static final Duration TTL = Duration.ofHours(1);
  static final Duration NEGATIVE_TTL = Duration.ofMinutes(10);
  static final int MAX_ENTRIES = 10_000;

  private record Entry(UserLookup answer, Instant expires) {}

  private final MethodsClient client;
  private final Clock clock;
  private final Map<String, Entry> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  SlackUsers(MethodsClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  UserLookup lookup(Recipient recipient) {
    if (recipient.slackId() != null && !recipient.slackId().isBlank()) {
      return cached("id:" + recipient.slackId().strip(), () -> byId(recipient.slackId().strip()));
    }
    if (recipient.email() != null && !recipient.email().isBlank()) {
      String email = recipient.email().strip().toLowerCase(Locale.ROOT);
      return recipient.wantsLocale()
          ? cached("email+locale:" + email, () -> withLocale(byEmail(email)))
          : cached("email:" + email, () -> byEmail(email));
    }
    return new UserLookup.Unknown("no email or Slack id");
  }

  /** In the user group when one is given, else a member of the channel (pages followed). */
  boolean inTeam(String userId, String usergroup, String channel) {
    try {
      if (usergroup != null && !usergroup.isBlank()) {
        var r = client.usergroupsUsersList(q -> q.usergroup(usergroup.strip()));
        if (!r.isOk()) {
          log.warn(
              "slack usergroups.users.list refused usergroup={} error={} next=deny (the app needs"
                  + " the usergroups:read scope and stats.slackUsergroup an S… id)",
              usergroup,
              r.getError());
          return false;
        }
        return r.getUsers() != null && r.getUsers().contains(userId);
      }
      if (channel == null || channel.isBlank()) {
        return false;
      }
      String cursor = null;
      for (int page = 0; page < 100; page++) {
        String c = cursor;
        var r =
            client.conversationsMembers(
                q -> q.channel(channel.strip()).limit(1000).cursor(c == null ? null : c));
        if (!r.isOk()) {
          log.warn(
              "slack conversations.members refused channel={} error={} next=deny (the app needs"
                  + " channels:read / groups:read and to be in the channel)",
              channel,
              r.getError());
          return false;
        }
        if (r.getMembers() != null && r.getMembers().contains(userId)) {
          return true;
        }
        cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        if (cursor == null || cursor.isEmpty()) {
          return false;
        }
      }
      return false;
    } catch (IOException | SlackApiException e) {
      log.warn("slack team check failed error={} next=deny", describe(e));
      return false;
    }
  }

  private interface Ask {
    UserLookup ask();
  }

  private UserLookup cached(String key, Ask ask) {
    Instant now = clock.instant();
    synchronized (cache) {
      Entry e = cache.get(key);
      if (e != null && now.isBefore(e.expires())) {
        return e.answer();
      }
    }
    UserLookup answer = ask.ask();
    Duration ttl =
        answer instanceof UserLookup.Found
            ? TTL
            : answer instanceof UserLookup.Unknown ? NEGATIVE_TTL : Duration.ZERO;
    if (!ttl.isZero()) {
      synchronized (cache) {
        cache.put(key, new Entry(answer, now.plus(ttl)));
      }
    }
    return answer;
  }

  private UserLookup byEmail(String email) {
    try {
      UsersLookupByEmailResponse r = client.usersLookupByEmail(q -> q.email(email));
      if (!r.isOk()) {
        return refused("users.lookupByEmail", r.getError());
      }
      return fromUser(r.getUser());
    } catch (IOException | SlackApiException e) {
      log.warn(
          "slack lookup failed method=users.lookupByEmail error={} next=retry later", describe(e));
      return new UserLookup.Unavailable(describe(e));
    }
  }

  /**
   * The display name of a workspace member (profile display name, else real name), cached like
   * lookups; empty when Slack cannot say.
   */
  java.util.Optional<String> displayName(String userId) {
    UserLookup named = cached("name:" + userId, () -> named(userId));
    return named instanceof UserLookup.Found f
        ? java.util.Optional.of(f.userId())
        : java.util.Optional.empty();
  }

  /** users.info, with the display name carried in a Found's user id field (cache entry only). */
  private UserLookup named(String userId) {
    try {
      UsersInfoResponse r = client.usersInfo(q -> q.user(userId));
      if (!r.isOk() || r.getUser() == null) {
        return new UserLookup.Unknown(r.getError());
      }
      User u = r.getUser();
      String name = null;
      if (u.getProfile() != null) {
        name = firstNonBlank(u.getProfile().getDisplayName(), u.getProfile().getRealName());
      }
      name = firstNonBlank(name, u.getRealName());
      return name == null ? new UserLookup.Unknown("no name") : new UserLookup.Found(name, null);
    } catch (IOException | SlackApiException e) {
      log.warn("slack users.info failed user={} error={} next=show handle", userId, describe(e));
      return new UserLookup.Unavailable(describe(e));
    }
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : null;
  }

  /** users.lookupByEmail does not give the locale: users.info (include_locale) does. */
  private UserLookup withLocale(UserLookup found) {
    if (found instanceof UserLookup.Found f && f.locale() == null) {
      UserLookup info = byId(f.userId());
      if (info instanceof UserLookup.Found i) {
        return new UserLookup.Found(
            f.userId(), f.timezone() != null ? f.timezone() : i.timezone(), i.locale());
      }
    }
    return found;
  }

  /** The id is given, so the person is reachable; users.info only adds the time zone and locale. */
  private UserLookup byId(String userId) {
    try {
      UsersInfoResponse r = client.usersInfo(q -> q.user(userId).includeLocale(true));
      if (!r.isOk()) {
        if (SlackErrors.isUnknownUser(r.getError())) {
          return new UserLookup.Unknown(r.getError());
        }
        log.warn(
            "slack users.info refused user={} error={} next=use id without zone",
            userId,
            r.getError());
        return new UserLookup.Found(userId, null);
      }
      return fromUser(r.getUser());
    } catch (IOException | SlackApiException e) {
      log.warn(
          "slack users.info failed user={} error={} next=use id without zone", userId, describe(e));
      return new UserLookup.Found(userId, null);
    }
  }

  private static UserLookup refused(String method, String error) {
    if (SlackErrors.isUnknownUser(error)) {
      return new UserLookup.Unknown(error);
    }
    log.warn("slack lookup refused method={} error={} next=retry later", method, error);
    return new UserLookup.Unavailable(method + ": " + error);
  }

  private static UserLookup fromUser(User user) {
    if (user == null || user.getId() == null) {
      return new UserLookup.Unknown("no user in answer");
    }
    if (user.isDeleted()) {
      return new UserLookup.Unknown("account_inactive");
    }
    if (user.isBot()) {
      return new UserLookup.Unknown("is a bot");
    }
    String tz = user.getTz() == null || user.getTz().isBlank() ? null : user.getTz();
    String locale =
        user.getLocale() == null || user.getLocale().isBlank() ? null : user.getLocale();
    return new UserLookup.Found(user.getId(), tz, locale);
  }

  private static String describe(Exception e) {
    if (e instanceof SlackApiException api) {
      return "HTTP " + api.getResponse().code();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
