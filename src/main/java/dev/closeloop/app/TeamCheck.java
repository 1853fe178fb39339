package dev.closeloop.app;

import dev.closeloop.chat.PlatformId;

/**
 * Whether a chat user is on the IT team, and so may see team figures ({@code /closeloop stats}).
 */
@FunctionalInterface
public interface TeamCheck {
  boolean inTeam(PlatformId platform, String userId);
}
