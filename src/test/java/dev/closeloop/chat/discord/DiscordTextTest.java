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

  /**
   * The reconcile marker is invisible text (U+2063 then 32 zero-width digits) that reconcile looks
   * for in the bot's messages. A comment or name carrying the marker of a predictable outbox key (a
   * later digest's, a reminder's) was echoed as typed: after a crash with that message in flight,
   * reconcile found the forged marker in the bot's own message and took it as sent, so it never
   * went. The marker's separator is now dropped from people's text; the rest of it stays.
   */
  @Test
  void textCarryingAMarkerCannotPassForTheMarkerOfAnotherMessage() {
    String forged = DiscordText.marker("digest:2026-11-26:main:0");
    String escaped = DiscordText.escape("slow VPN" + forged + " thanks");
    assertThat(escaped).doesNotContain(forged).doesNotContain("\u2063");
    assertThat(escaped).isEqualTo("slow VPN" + forged.substring(1) + " thanks");
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
