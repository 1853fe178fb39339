package dev.closeloop.ticket.writeback;

import dev.closeloop.language.Texts;

/** The title and description of a new ticket made from a {@link Write.Request}. */
final class Requests {
  private Requests() {}

  /** The title, else the text's first line, cut to what the system accepts. */
  static String title(Write.Request r, int max) {
    String t = r.title() == null ? "" : r.title().strip();
    if (t.isEmpty() && r.text() != null) {
      t = r.text().strip().lines().findFirst().orElse("");
    }
    if (t.isEmpty()) {
      t = r.ticket().id();
    }
    t = t.replaceAll("\\s+", " ");
    return Texts.cut(t, max);
  }

  /**
   * The request's text, pointing at the original ticket: its id and link are added on a line of
   * their own unless the text already carries the link.
   */
  static String body(Write.Request r) {
    String text = r.text() == null ? "" : r.text().strip();
    String url = r.ticket().url();
    if (url != null && !url.isBlank() && !text.contains(url)) {
      text = text + "\n\n" + r.ticket().id() + ": " + url;
    } else if ((url == null || url.isBlank()) && !text.contains(r.ticket().id())) {
      text = text + "\n\n" + r.ticket().id();
    }
    return text.strip();
  }
}
