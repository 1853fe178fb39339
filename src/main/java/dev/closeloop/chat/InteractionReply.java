package dev.closeloop.chat;

/**
 * What an adapter should answer to the person right away, in the interaction itself: nothing, a
 * short reply only they see (Slack ephemeral / Discord ephemeral), or a modal to open.
 */
public sealed interface InteractionReply {
  record None() implements InteractionReply {}

  record Ephemeral(String text) implements InteractionReply {}

  /**
   * Open a dialog with one multi-line text input. {@code id} comes back in ModalSubmit; {@code
   * submit} and {@code close} label its buttons where the platform shows them (Slack).
   */
  record OpenModal(
      String id, String title, String label, String placeholder, String submit, String close)
      implements InteractionReply {
    public OpenModal(String id, String title, String label, String placeholder) {
      this(id, title, label, placeholder, null, null);
    }
  }

  static InteractionReply none() {
    return new None();
  }

  static InteractionReply ephemeral(String text) {
    return new Ephemeral(text);
  }
}
