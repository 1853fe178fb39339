package dev.closeloop.chat;

/** What we know of a requester's identity; any field may be null. */
public record Recipient(String email, String slackId, String discordId) {}
