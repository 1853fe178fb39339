package dev.closeloop.chat;

/** Something a person did in chat, as the core sees it. */
public sealed interface ChatEvent {
  PlatformId platform();

  /** The platform user id of who did it. */
  String userId();

  /**
   * The language the person's chat client reports with this event (Discord interactions carry one),
   * as a tag such as {@code de} or {@code pt-BR}; null when the platform does not say.
   */
  default String locale() {
    return null;
  }

  /** A button click. {@code message} is the message that carried the button. */
  record ButtonClick(
      PlatformId platform,
      String userId,
      String userName,
      String actionId,
      String value,
      MessageRef message,
      String locale)
      implements ChatEvent {
    public ButtonClick(
        PlatformId platform,
        String userId,
        String userName,
        String actionId,
        String value,
        MessageRef message) {
      this(platform, userId, userName, actionId, value, message, null);
    }
  }

  /** Text typed in a direct message to the bot. */
  record TypedText(PlatformId platform, String userId, String text) implements ChatEvent {}

  /**
   * A modal (dialog) submitted: {@code actionId} is the modal's id, {@code text} what was typed.
   * {@code userName} is the display name when the platform gives one (null otherwise).
   */
  record ModalSubmit(
      PlatformId platform,
      String userId,
      String userName,
      String actionId,
      String text,
      String locale)
      implements ChatEvent {
    public ModalSubmit(
        PlatformId platform, String userId, String userName, String actionId, String text) {
      this(platform, userId, userName, actionId, text, null);
    }

    public ModalSubmit(PlatformId platform, String userId, String actionId, String text) {
      this(platform, userId, null, actionId, text, null);
    }
  }

  /** The {@code /closeloop} command with its arguments ("stats", "optout", "link me@x.org"). */
  record Command(PlatformId platform, String userId, String userName, String args, String locale)
      implements ChatEvent {
    public Command(PlatformId platform, String userId, String userName, String args) {
      this(platform, userId, userName, args, null);
    }
  }
}
