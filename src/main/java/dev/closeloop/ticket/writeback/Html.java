package dev.closeloop.ticket.writeback;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plain text as the HTML that Freshservice and GLPI store: escaped, links clickable. */
final class Html {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

  private Html() {}

  /** Paragraphs at blank lines, line breaks kept, every character escaped, URLs as links. */
  static String of(String text) {
    return Arrays.stream(text.strip().split("\\n\\s*\\n"))
        .map(p -> "<p>" + line(p.strip()).replace("\n", "<br>") + "</p>")
        .collect(Collectors.joining());
  }

  private static String line(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = URL.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(escape(text.substring(last, m.start())));
      String url = escape(m.group());
      out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
      last = m.end();
    }
    return out.append(escape(text.substring(last))).toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
