package dev.closeloop.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * The log message ({@code %msg}, see {@link LogSetup}) with webhook credentials masked, whoever
 * logs it: a {@code ?token=} query parameter (ServiceNow, Freshservice, unsigned Jira), an {@code
 * X-Closeloop-Token} header and an {@code Authorization} value, as Jetty or an SDK may print them
 * when debugging is on; and every configured secret's value wherever it shows up (a server's debug
 * dump of a request buffer cuts header names, so only the value itself can be found).
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
    return redact(super.convert(event));
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
