package dev.closeloop.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slack mrkdwn and Discord markdown can render, as a checker: every message the fakes receive
 * and every message the renderers produce goes through it. It reports an emphasis, strike, spoiler
 * or code marker that opens and never closes, one that closes right after a space (Slack does not
 * close {@code *} after a space; Discord does not close {@code *} or {@code _} there either), an
 * empty pair, and — for Slack — an unescaped {@code &}, {@code <} or {@code >} outside a link or a
 * mention, and pings ({@code <!channel>}, {@code <!here>}, {@code <!everyone>}).
 */
public final class MarkupRules {
  private MarkupRules() {}

  // ------------------------------------------------------------------------------------ Slack

  private static final Pattern SLACK_ANGLE =
      Pattern.compile(
          "<((?:https?|mailto):[^<>|\\s]+(?:\\|[^<>]*)?|@[UW][A-Z0-9]+|#C[A-Z0-9]+(?:\\|[^<>]*)?)>");
  private static final Pattern SLACK_ENTITY = Pattern.compile("&(?:amp|lt|gt);");

  /** Problems with one Slack mrkdwn string; empty when it renders as meant. */
  public static List<String> slack(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null) {
      return problems;
    }
    // links and mentions are opaque; entities are single characters
    StringBuilder plain = new StringBuilder();
    Matcher angle = SLACK_ANGLE.matcher(text);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '<') {
        if (text.startsWith("<!", i)) {
          problems.add("ping " + snippet(text, i));
        }
        if (angle.find(i) && angle.start() == i) {
          String label = angle.group(1).contains("|") ? angle.group(1).split("\\|", 2)[1] : "";
          problems.addAll(slackLine(label, "link label"));
          plain.append('L');
          i = angle.end();
          continue;
        }
        problems.add("unescaped < " + snippet(text, i));
      } else if (c == '>') {
        problems.add("unescaped > " + snippet(text, i));
      } else if (c == '&') {
        Matcher e = SLACK_ENTITY.matcher(text).region(i, text.length());
        if (e.lookingAt()) {
          plain.append('E');
          i = e.end();
          continue;
        }
        problems.add("unescaped & " + snippet(text, i));
      }
      plain.append(c);
      i++;
    }
    for (String line : plain.toString().split("\n", -1)) {
      problems.addAll(slackLine(line, "line"));
    }
    return problems;
  }

  private static List<String> slackLine(String line, String where) {
    List<String> problems = new ArrayList<>();
    // code spans first: their content is literal
    String[] parts = line.split("`", -1);
    if (parts.length % 2 == 0) {
      problems.add("unclosed ` in " + where + ": " + line);
    }
    StringBuilder outside = new StringBuilder();
    for (int k = 0; k < parts.length; k += 2) {
      outside.append(parts[k]).append(k + 2 < parts.length ? " C " : "");
    }
    for (char marker : new char[] {'*', '_', '~'}) {
      problems.addAll(pairs(outside.toString(), marker, where, false));
    }
    return problems;
  }

  /**
   * Pairs single-character emphasis markers the way Slack and Discord do: an opener is not preceded
   * by a letter or digit and is followed by a non-space; a closer follows a non-space and is not
   * followed by a letter or digit.
   */
  private static List<String> pairs(String line, char marker, String where, boolean anyLine) {
    List<String> problems = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != marker) {
        continue;
      }
      char prev = i == 0 ? ' ' : line.charAt(i - 1);
      char next = i + 1 == line.length() ? ' ' : line.charAt(i + 1);
      boolean canOpen =
          !Character.isLetterOrDigit(prev) && !Character.isWhitespace(next) && next != marker;
      boolean canClose =
          !Character.isWhitespace(prev) && prev != marker && !Character.isLetterOrDigit(next);
      if (open < 0) {
        if (canOpen) {
          open = i;
        } else if (prev == marker || next == marker) {
          problems.add("empty or doubled " + marker + " in " + where + ": " + line);
        }
      } else if (canClose) {
        open = -1;
      } else if (canOpen || Character.isWhitespace(prev)) {
        problems.add(
            marker
                + " cannot close after a space (opened at "
                + open
                + ") in "
                + where
                + ": "
                + line);
        open = -1;
      }
    }
    if (open >= 0) {
      problems.add("unclosed " + marker + " in " + where + ": " + line);
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------- Discord

  private static final String ESCAPABLE = "\\*_~`|>#-[]()<:!.+=/@{}";

  /** Problems with one Discord markdown string; empty when it renders as meant. */
  public static List<String> discord(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null) {
      return problems;
    }
    // escapes make the next character literal
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && ESCAPABLE.indexOf(text.charAt(i + 1)) >= 0) {
        s.append('x');
        i++;
      } else {
        s.append(c);
      }
    }
    String t = s.toString();
    // code blocks and spans: content literal, fences must close
    String[] fences = t.split("```", -1);
    if (fences.length % 2 == 0) {
      problems.add("unclosed ``` in: " + text);
    }
    StringBuilder outside = new StringBuilder();
    for (int k = 0; k < fences.length; k += 2) {
      String[] spans = fences[k].split("`", -1);
      if (spans.length % 2 == 0) {
        problems.add("unclosed ` in: " + text);
      }
      for (int j = 0; j < spans.length; j += 2) {
        outside.append(spans[j]).append(' ');
      }
    }
    String o = outside.toString();
    for (String pair : new String[] {"**", "__", "~~", "||"}) {
      problems.addAll(discordPairs(o, pair, text));
    }
    String singles =
        o.replace("**", "  ").replace("__", "  ").replace("~~", "  ").replace("||", "  ");
    problems.addAll(pairs(singles, '*', "message", true));
    problems.addAll(pairs(singles, '_', "message", true));
    return problems;
  }

  private static List<String> discordPairs(String s, String marker, String original) {
    List<String> problems = new ArrayList<>();
    int open = -1;
    int i = 0;
    while ((i = s.indexOf(marker, i)) >= 0) {
      int end = i + marker.length();
      char prev = i == 0 ? ' ' : s.charAt(i - 1);
      char next = end >= s.length() ? ' ' : s.charAt(end);
      if (open < 0) {
        if (Character.isWhitespace(next)) {
          problems.add(marker + " opens before a space in: " + original);
        }
        open = i;
      } else {
        if (Character.isWhitespace(prev)) {
          problems.add(marker + " closes after a space in: " + original);
        }
        if (i == open + marker.length()) {
          problems.add("empty " + marker + marker + " in: " + original);
        }
        open = -1;
      }
      i = end;
    }
    if (open >= 0) {
      problems.add("unclosed " + marker + " in: " + original);
    }
    return problems;
  }

  private static String snippet(String text, int at) {
    int from = Math.max(0, at - 20);
    int to = Math.min(text.length(), at + 20);
    return "…" + text.substring(from, to) + "…";
  }
}
