package dev.closeloop.chat.discord;

import java.util.List;
import java.util.Map;

/**
 * Whether a member can see a channel, computed as Discord documents it ("Permission Overwrites"):
 * the {@code @everyone} role and the member's roles give the base permissions (ADMINISTRATOR gives
 * all); the channel's overwrites then apply in order: {@code @everyone}, the member's roles
 * together, the member. Pure: the REST answers come in, a yes or no goes out. (The guild owner, who
 * sees everything, is not special-cased: give the owner a role or ADMINISTRATOR.)
 */
final class ChannelAccess {
  static final long VIEW_CHANNEL = 1L << 10;
  static final long ADMINISTRATOR = 1L << 3;

  /** A permission overwrite: {@code type} 0 for a role, 1 for a member. */
  record Overwrite(String id, int type, long allow, long deny) {}

  private ChannelAccess() {}

  /**
   * @param rolePermissions every role of the guild by id ({@code @everyone} under the guild id)
   */
  static boolean canView(
      String guildId,
      String userId,
      List<String> memberRoles,
      Map<String, Long> rolePermissions,
      List<Overwrite> overwrites) {
    long base = rolePermissions.getOrDefault(guildId, 0L);
    for (String role : memberRoles) {
      base |= rolePermissions.getOrDefault(role, 0L);
    }
    if ((base & ADMINISTRATOR) != 0) {
      return true;
    }
    long p = base;
    for (Overwrite o : overwrites) {
      if (o.type() == 0 && o.id().equals(guildId)) {
        p = (p & ~o.deny()) | o.allow();
      }
    }
    long allow = 0;
    long deny = 0;
    for (Overwrite o : overwrites) {
      if (o.type() == 0 && memberRoles.contains(o.id())) {
        allow |= o.allow();
        deny |= o.deny();
      }
    }
    p = (p & ~deny) | allow;
    for (Overwrite o : overwrites) {
      if (o.type() == 1 && o.id().equals(userId)) {
        p = (p & ~o.deny()) | o.allow();
      }
    }
    return (p & VIEW_CHANNEL) != 0;
  }
}
