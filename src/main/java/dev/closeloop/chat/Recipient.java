package dev.closeloop.chat;

/**
 * What we know of a requester's identity; any field may be null. {@code wantsLocale}: the ticket
 * did not say the person's language, so a lookup should also ask the platform for it.
 */
public record Recipient(String email, String slackId, String discordId, boolean wantsLocale) {
  public Recipient(String email, String slackId, String discordId) {
    this(email, slackId, discordId, false);
  }
}
