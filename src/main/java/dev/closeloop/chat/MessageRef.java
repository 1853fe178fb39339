package dev.closeloop.chat;

/**
 * Where a sent message lives on its platform: enough to edit it later. Slack: channel id + ts;
 * Discord: channel id + message id; sandbox: conversation + message number.
 */
public record MessageRef(String channelId, String messageId) {}
