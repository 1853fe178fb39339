package dev.closeloop.link;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The rules of linking an email to a Discord account: what an email and a code look like, how long
 * a code lives and how often it may be tried, and how many requests a Discord user or an address
 * may make (so guessing stays bounded and nobody floods a mailbox through us).
 */
public final class LinkRules {
  public static final Duration CODE_TTL = Duration.ofMinutes(15);
  public static final int MAX_TRIES = 5;
  public static final int USER_PER_HOUR = 3;
  public static final int USER_PER_DAY = 10;
  public static final int EMAIL_PER_HOUR = 3;
  public static final int EMAIL_PER_DAY = 5;

  /**
   * Requests from everyone together: the limits per account and per mailbox leave the relay itself
   * to as many accounts as someone can make, each mailing codes (and its display name) to a few
   * more addresses. Past this, everyone is asked to wait or to ask the IT team (a CSV import).
   */
  public static final int ALL_PER_HOUR = 100;

  public static final int ALL_PER_DAY = 1000;

  /**
   * A plain address, lower case: letters, digits and {@code . _ + ' -} before the {@code @}, a
   * dotted host after it. Nothing a mail library would read as a second address, a name, a comment
   * or a route ({@code <…>}, {@code (…)}, quotes, commas, line breaks): each such spelling of one
   * mailbox would get limits of its own.
   */
  public static final Pattern EMAIL =
      Pattern.compile("[a-z0-9_'+-]+(\\.[a-z0-9_'+-]+)*@[a-z0-9-]+(\\.[a-z0-9-]+)+");

  public static final Pattern CODE = Pattern.compile("\\d{6}");

  private LinkRules() {}

  /**
   * The mailbox an address reaches, for the limits per email: "dana+anything@example.com" is
   * "dana@example.com" (sub-addressing delivers both to Dana).
   */
  public static String mailbox(String email) {
    int at = email.indexOf('@');
    int plus = email.indexOf('+');
    return plus < 0 || plus > at ? email : email.substring(0, plus) + email.substring(at);
  }

  /** "dana@example.com" → "d•••@example.com": who the code went to, without spelling it out. */
  public static String masked(String email) {
    int at = email.indexOf('@');
    return at <= 0 ? email : email.charAt(0) + "\u2022\u2022\u2022" + email.substring(at);
  }
}
