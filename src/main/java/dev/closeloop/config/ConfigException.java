package dev.closeloop.config;

/** A configuration problem, always naming the key it is about. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String reason) {
    super(key + ": " + reason);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
