package dev.closeloop.mail;

/** Sends one short plain-text mail. Bounded in time: it returns or throws within its timeouts. */
public interface Mailer {
  void send(String to, String subject, String text) throws MailException;

  /** A mail that was not handed to the relay (refused, unreachable, timed out). */
  final class MailException extends Exception {
    public MailException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
