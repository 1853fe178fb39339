package dev.closeloop.chat;

import java.util.Optional;

/**
 * The id of a button or modal as the core writes it: {@code cl:s:12:rate:4} is kind {@code s} (a
 * survey; {@code i} an incident), id 12 and {@code rate:4} for what was chosen.
 */
public record ActionId(String kind, long id, String what) {
  public static Optional<ActionId> parse(String actionId) {
    if (actionId == null || actionId.length() > 100) {
      return Optional.empty();
    }
    String[] parts = actionId.split(":", 4);
    if (parts.length < 4 || !"cl".equals(parts[0])) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ActionId(parts[1], Long.parseLong(parts[2]), parts[3]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
