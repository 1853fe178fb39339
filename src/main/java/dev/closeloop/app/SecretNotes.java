package dev.closeloop.app;

import dev.closeloop.config.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared secrets short enough to guess: the admin token is tried over HTTP by anyone who reaches
 * the port, and an HMAC key can be searched offline from one signed request. Empty ones are off,
 * not weak; the config stays valid either way (check-config prints the notes, the app logs them).
 */
final class SecretNotes {
  /** Fewer characters than this is a note: 16 random characters are about 95 bits. */
  static final int MIN_LENGTH = 16;

  private SecretNotes() {}

  static List<String> notes(Config c) {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("admin.token", c.admin().token());
    secrets.put("intake.secret", c.intake().secret());
    Config.Connectors k = c.connectors();
    secrets.put("connectors.jira.secret", k.jira().secret());
    secrets.put("connectors.zendesk.secret", k.zendesk().secret());
    secrets.put("connectors.servicenow.secret", k.servicenow().secret());
    secrets.put("connectors.freshservice.secret", k.freshservice().secret());
    secrets.put("connectors.glpi.secret", k.glpi().secret());
    secrets.put("connectors.zammad.secret", k.zammad().secret());
    List<String> out = new ArrayList<>();
    secrets.forEach(
        (key, value) -> {
          if (value != null && !value.isEmpty() && value.length() < MIN_LENGTH) {
            out.add(
                key
                    + " is "
                    + value.length()
                    + " characters long: short enough to guess. Use "
                    + MIN_LENGTH
                    + " random characters or more (openssl rand -hex 32)");
          }
        });
    return out;
  }
}
