package dev.closeloop.survey;

/** Why a survey was not sent, or was stopped (the names docs/reference.md gives). */
public enum SkipReason {
  COOLDOWN,
  SAMPLED_OUT,
  OPTED_OUT,
  UNKNOWN_USER,
  DM_CLOSED,
  NO_IDENTITY,
  STALE,
  DELIVERY_FAILED,
  REOPENED;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
