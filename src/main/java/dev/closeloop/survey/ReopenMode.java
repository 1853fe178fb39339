package dev.closeloop.survey;

import java.util.Locale;

/**
 * What "not fixed" does to the ticket ({@code writeBack.reopen} of the ticket's system): offer the
 * requester to reopen it, reopen it at once, or leave it. {@link #NEVER} also where the system has
 * no write-back.
 */
public enum ReopenMode {
  ASK,
  ALWAYS,
  NEVER;

  /** {@code ask}, {@code always} or {@code never} (any case); anything else is refused. */
  public static ReopenMode of(String setting) {
    return switch (setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT)) {
      case "ask" -> ASK;
      case "always" -> ALWAYS;
      case "never" -> NEVER;
      default -> throw new IllegalArgumentException("reopen must be ask, always or never");
    };
  }
}
