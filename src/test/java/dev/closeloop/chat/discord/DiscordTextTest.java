package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordTextTest {

  @Test
  void mentionsAndMarkdownAreEscaped() {
    assertThat(DiscordText.escape("@everyone <@123> **bold** `x` @here"))
        .isEqualTo("@\u200Beveryone \\<@123\\> \\*\\*bold\\*\\* \\`x\\` @\u200Bhere");
    assertThat(DiscordText.escape("[click](https://evil.example)"))
        .isEqualTo("\\[click\\]\\(https\\://evil.example\\)");
    assertThat(DiscordText.escape("# title\n> quote\n- item ||spoiler|| ~~gone~~ _it_ \\"))
        .isEqualTo(
            "\\# title\n\\> quote\n\\- item \\|\\|spoiler\\|\\| \\~\\~gone\\~\\~ \\_it\\_ \\\\");
    assertThat(DiscordText.escape("plain text, 4/5!")).isEqualTo("plain text, 4/5!");
  }

  @Test
  void truncationEndsWithAnEllipsisWithinTheLimit() {
    assertThat(DiscordText.truncate("short", 10)).isEqualTo("short");
    assertThat(DiscordText.truncate("abcdefghij", 5)).isEqualTo("abcd…").hasSize(5);
  }

  @Test
  void truncationNeverLeavesADanglingEscapeOrHalfASurrogatePair() {
    String escaped = DiscordText.escape("abc*def");
    // "abc\*def" cut after the backslash would escape the ellipsis
    assertThat(DiscordText.truncate(escaped, 5)).isEqualTo("abc…");
    String emoji = "ab\uD83D\uDE00cd";
    assertThat(DiscordText.truncate(emoji, 4)).isEqualTo("ab…");
  }

  @Test
  void nonceAndMarkerAreStablePerKeyAndFitDiscord() {
    assertThat(DiscordText.nonce("outbox-42"))
        .hasSize(24)
        .isEqualTo(DiscordText.nonce("outbox-42"));
    assertThat(DiscordText.nonce("outbox-42")).isNotEqualTo(DiscordText.nonce("outbox-43"));
    String marker = DiscordText.marker("outbox-42");
    assertThat(marker).hasSize(DiscordText.MARKER_LENGTH);
    assertThat(marker.chars()).allMatch(c -> c >= 0x200B && c <= 0x2063);
    assertThat(marker).isNotEqualTo(DiscordText.marker("outbox-43"));
  }
}
