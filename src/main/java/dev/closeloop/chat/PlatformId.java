package dev.closeloop.chat;

/** The chat platforms Closeloop talks on. The wire name is the lower-case name. */
public enum PlatformId {
  SLACK,
  DISCORD,
  SANDBOX;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static PlatformId fromWire(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
