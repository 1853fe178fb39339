package dev.closeloop.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs may become links: absolute http(s) URLs with a host, nothing else ({@code
 * javascript:}, {@code data:}, {@code mailto:}, relative or malformed ones stay plain text). Every
 * adapter asks here before it renders a link.
 */
public final class Links {
  private static final int MAX_LENGTH = 2000;

  private Links() {}

  public static boolean isHttp(String url) {
    if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The message with every link that is not http(s) turned into plain text. */
  public static ChatMessage onlyHttp(ChatMessage message) {
    List<ChatMessage.Block> blocks = new ArrayList<>();
    for (ChatMessage.Block b : message.blocks()) {
      if (b instanceof ChatMessage.Text t) {
        blocks.add(new ChatMessage.Text(spans(t.spans())));
      } else if (b instanceof ChatMessage.Card c) {
        blocks.add(
            new ChatMessage.Card(c.title(), isHttp(c.url()) ? c.url() : null, spans(c.body())));
      } else {
        blocks.add(b);
      }
    }
    return new ChatMessage(message.fallback(), blocks);
  }

  private static List<ChatMessage.Span> spans(List<ChatMessage.Span> spans) {
    return spans.stream()
        .map(
            s ->
                s instanceof ChatMessage.Span.Link l && !isHttp(l.url())
                    ? (ChatMessage.Span) new ChatMessage.Span.Plain(l.text())
                    : s)
        .toList();
  }
}
