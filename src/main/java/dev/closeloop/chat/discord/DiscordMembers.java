package dev.closeloop.chat.discord;

import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is on the IT team (a role, else who can see the digest channel), and whether a user exists.
 */
final class DiscordMembers {
  private static final Logger log = LoggerFactory.getLogger(DiscordMembers.class);
  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

  private final Supplier<JDA> jda;
  private final DiscordCalls calls;
  private final Duration sendTimeout;

  DiscordMembers(Supplier<JDA> jda, DiscordCalls calls, Duration sendTimeout) {
    this.jda = jda;
    this.calls = calls;
    this.sendTimeout = sendTimeout;
  }

  /**
   * The role when one is given, else whether the member can see the channel; the guild is the
   * channel's. Asked over REST each time (a bot with no guild intents has no member cache), each
   * call bounded by the send timeout. Anything unknown or failing answers no.
   */
  boolean inTeam(String userId, String role, String channelId) {
    JDA current = jda.get();
    if (current == null
        || channelId == null
        || !SNOWFLAKE.matcher(channelId.strip()).matches()
        || !SNOWFLAKE.matcher(userId).matches()) {
      return false;
    }
    ChannelRest rest = new ChannelRest(current);
    try {
      DataObject channel = await(rest.channel(channelId.strip()));
      String guildId = channel.getString("guild_id", null);
      if (guildId == null) {
        return false;
      }
      DataObject member = await(rest.member(guildId, userId));
      java.util.List<String> roles = new java.util.ArrayList<>();
      DataArray memberRoles = member.getArray("roles");
      for (int i = 0; i < memberRoles.length(); i++) {
        roles.add(memberRoles.getString(i));
      }
      if (role != null && !role.isBlank()) {
        return roles.contains(role.strip());
      }
      java.util.Map<String, Long> permissions = new java.util.HashMap<>();
      DataArray guildRoles = await(rest.roles(guildId));
      for (int i = 0; i < guildRoles.length(); i++) {
        DataObject r = guildRoles.getObject(i);
        permissions.put(r.getString("id"), Long.parseLong(r.getString("permissions", "0")));
      }
      java.util.List<ChannelAccess.Overwrite> overwrites = new java.util.ArrayList<>();
      DataArray list = channel.optArray("permission_overwrites").orElse(DataArray.empty());
      for (int i = 0; i < list.length(); i++) {
        DataObject o = list.getObject(i);
        overwrites.add(
            new ChannelAccess.Overwrite(
                o.getString("id"),
                o.getInt("type", 0),
                Long.parseLong(o.getString("allow", "0")),
                Long.parseLong(o.getString("deny", "0"))));
      }
      return ChannelAccess.canView(guildId, userId, roles, permissions, overwrites);
    } catch (Exception e) {
      log.info(
          "event=discord_team_check_failed user={} channel={} error=\"{}\" next=deny",
          userId,
          channelId,
          e.getMessage());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  private <T> T await(net.dv8tion.jda.api.requests.RestAction<T> action) throws Exception {
    return action.submit().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  UserLookup lookup(Recipient recipient) {
    String id = recipient.discordId();
    if (id == null || id.isBlank()) {
      return new UserLookup.Unknown("no Discord id");
    }
    if (!SNOWFLAKE.matcher(id).matches()) {
      return new UserLookup.Unknown("not a Discord id: " + id);
    }
    JDA current = jda.get();
    if (current == null) {
      return new UserLookup.Unavailable("Discord not connected yet");
    }
    try {
      calls.await(current.retrieveUserById(id), "users/" + id);
      return new UserLookup.Found(id, null);
    } catch (DeliveryException e) {
      return e.kind() == DeliveryException.Kind.UNKNOWN_USER
              || e.kind() == DeliveryException.Kind.PERMANENT
          ? new UserLookup.Unknown(e.getMessage())
          : new UserLookup.Unavailable(e.getMessage());
    }
  }
}
