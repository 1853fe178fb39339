package dev.closeloop.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * The log message ({@code %msg}, see {@link LogSetup}) with webhook credentials masked, whoever
 * logs it: a {@code ?token=} query parameter (ServiceNow, Freshservice, unsigned Jira), an {@code
 * X-Closeloop-Token} header and an {@code Authorization} value, as Jetty or an SDK may print them
 * when debugging is on; and every configured secret's value wherever it shows up (a server's debug
 * dump of a request buffer cuts header names, so only the value itself can be found); and on one
 * line, without control characters (see {@link #inert}).
 */
public final class RedactingMessageConverter extends MessageConverter {
  private static final Pattern SECRETS =
      Pattern.compile(
          "(?i)([?&;]token=|x-closeloop-token[\"']?\\s*[:=]\\s*[\"']?|authorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer|basic)?\\s*)[^&\\s\"',;]+");

  private static final java.util.Set<String> VALUES =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Masks these secret values in every later log message (shorter than 6 characters: not). */
  public static void hide(java.util.Collection<String> secrets) {
    for (String s : secrets) {
      if (s != null && s.length() >= 6) {
        VALUES.add(s);
      }
    }
  }

  @Override
  public String convert(ILoggingEvent event) {
    return inert(redact(super.convert(event)));
  }

  /**
   * The message on one line, with nothing a terminal acts on: line breaks (CR, LF, NEL, U+2028/9)
   * and every other control character but tab, bidirectional controls included (the definition
   * every input check uses, {@code Texts.isControl}), are written as escapes ({@code \n}, {@code
   * \u001b}; a right-to-left override as its escape too), so a ticket id, a name or a comment can
   * neither forge a log line nor recolour or clear an operator's terminal. Stack traces are printed
   * apart and keep their lines.
   */
  static String inert(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean control = dev.closeloop.language.Texts.isControl(c);
      if (control && out == null) {
        out = new StringBuilder(message.length() + 16).append(message, 0, i);
      }
      if (out == null) {
        continue;
      }
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (control) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out == null ? message : out.toString();
  }

  static String redact(String message) {
    if (message == null) {
      return null;
    }
    for (String secret : VALUES) {
      if (message.contains(secret)) {
        message = message.replace(secret, "***");
      }
    }
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    if (!lower.contains("token") && !lower.contains("authorization")) {
      return message;
    }
    return SECRETS.matcher(message).replaceAll("$1***");
  }
}
