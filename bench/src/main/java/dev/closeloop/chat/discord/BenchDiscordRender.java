package dev.closeloop.chat.discord;

import dev.closeloop.chat.ChatMessage;

/**
 * Bench access to the package-private Discord renderer: the work done per digest page at send time.
 */
public final class BenchDiscordRender {
  /** Renders a page; returns how many Discord messages it becomes. */
  public int render(ChatMessage m) {
    return DiscordRenderer.render(m).size();
  }
}
