package dev.closeloop.ticket.poll;

/** A run that stopped early; what was committed before stays committed. */
public final class PollException extends RuntimeException {
  public PollException(String message) {
    super(message);
  }

  public PollException(String message, Throwable cause) {
    super(message, cause);
  }
}
