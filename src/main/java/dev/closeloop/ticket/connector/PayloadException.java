package dev.closeloop.ticket.connector;

/** A payload or record that cannot be mapped; the message names the offending field (a 400). */
public final class PayloadException extends RuntimeException {
  PayloadException(String message) {
    super(message, null, false, false);
  }

  public static PayloadException missing(String field) {
    return new PayloadException(field + " is required");
  }

  public static PayloadException invalid(String field, String why) {
    return new PayloadException(field + " " + why);
  }

  /** A value from the payload as an error message quotes it: its first 40 characters at most. */
  static String shown(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
