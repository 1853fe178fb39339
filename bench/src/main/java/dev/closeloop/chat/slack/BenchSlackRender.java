package dev.closeloop.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatMessage;

/**
 * Bench access to the package-private Slack renderer: the work done per digest page at send time.
 */
public final class BenchSlackRender {
  private final SlackRenderer renderer = new SlackRenderer(new ObjectMapper());

  /** Renders a page; returns the size of what would be posted. */
  public int render(ChatMessage m) {
    SlackRenderer.Rendered r = renderer.render(m);
    return r.text().length() + r.blocksJson().length();
  }
}
