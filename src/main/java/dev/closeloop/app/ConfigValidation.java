package dev.closeloop.app;

import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks a config passes once at start, beyond its types: ranges, URLs, zones, times, the
 * write-back modes. A failure is a {@link ConfigException} naming the key.
 */
final class ConfigValidation {
  private static final Pattern DNS_LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]{1,80}");
  private static final Pattern HHMM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private ConfigValidation() {}

  static void validate(Config c) {
    range("server.port", c.server().port(), 0, 65535);
    require(
        "storage.url",
        c.storage().url().startsWith("jdbc:h2:") || c.storage().isPostgres(),
        "must be a jdbc:h2: or jdbc:postgresql: URL");
    // a body is held in memory while it is checked: 64 MiB at most (past 2 GiB it overflowed)
    range("intake.maxBodyBytes", c.intake().maxBodyBytes(), 1, 64L * 1024 * 1024);
    require("backup.dir", !c.backup().dir().isBlank(), "must be a directory");
    var smtp = c.mail().smtp();
    range("mail.smtp.port", smtp.port(), 1, 65535);
    if (smtp.configured()) {
      require(
          "mail.smtp.from",
          sender(smtp.from()),
          "must be an email address to send from (\"Name <address>\" is fine)");
    }
    var slack = c.slack();
    if (slack.configured() && !slack.socketMode() && slack.signingSecret().isEmpty()) {
      throw new ConfigException(
          "slack.appToken",
          "a bot token needs an app token (Socket Mode) or a signing secret (HTTP mode)");
    }
    url("slack.apiUrl", slack.apiUrl());
    url("discord.apiUrl", c.discord().apiUrl());
    require(
        "discord.gatewayUrl",
        empty(c.discord().gatewayUrl()) || address(c.discord().gatewayUrl(), "ws", "wss"),
        "must be a ws(s):// URL, or empty");
    var s = c.survey();
    notNegative("survey.delay", s.delay());
    notNegative("survey.cooldown", s.cooldown());
    notNegative("survey.reminderAfter", s.reminderAfter());
    if (s.expireAfter().isNegative() || s.expireAfter().isZero()) {
      throw new ConfigException("survey.expireAfter", "must be a positive duration");
    }
    require(
        "survey.sampleRate", s.sampleRate() >= 0 && s.sampleRate() <= 1, "must be between 0 and 1");
    quietHours(s.quietHours());
    require(
        "survey.preferPlatform",
        List.of("slack", "discord").contains(s.preferPlatform()),
        "must be slack or discord");
    var d = c.digest();
    time("digest.time", d.time());
    zone("digest.zone", d.zone());
    range("digest.negativeAtOrBelow", d.negativeAtOrBelow(), 0, 5);
    notNegative("digest.ownerReminderAfter", d.ownerReminderAfter());
    require("digest.weekly.day", d.weekly().day() != null, "must be a day such as MONDAY");
    time("digest.weekly.time", d.weekly().time());
    d.teams()
        .forEach(
            (name, team) -> {
              if (team == null) {
                throw new ConfigException(
                    "digest.teams." + name, "expected { slackChannel, discordChannel }");
              }
            });
    range("delivery.maxAttempts", c.delivery().maxAttempts(), 1, 1000);
    // PT0S would spend every attempt in one burst: a short outage would dead-letter the message
    require(
        "delivery.backoff",
        c.delivery().backoff() != null && c.delivery().backoff().toMillis() >= 100,
        "must be at least PT0.1S");
    require(
        "delivery.backoffMax",
        c.delivery().backoffMax().compareTo(c.delivery().backoff()) >= 0,
        "must be at least delivery.backoff");
    require("retention.keep", c.retention().keep().toDays() >= 1, "must be at least one day");
    var t = c.timeouts();
    timeout("timeouts.connect", t.connect());
    timeout("timeouts.slack", t.slack());
    timeout("timeouts.discord", t.discord());
    timeout("timeouts.helpdesk", t.helpdesk());
    timeout("timeouts.mail", t.mail());
    pollEvery("connectors.jira.pollEvery", c.connectors().jira().pollEvery());
    pollEvery("connectors.zendesk.pollEvery", c.connectors().zendesk().pollEvery());
    pollEvery("connectors.servicenow.pollEvery", c.connectors().servicenow().pollEvery());
    writeBack(c.connectors());
    LanguageConfig.validate(c);
  }

  /** Write-back: reopen modes, API URLs, and a secret for every generic write-back URL. */
  private static void writeBack(Config.Connectors k) {
    reopen("connectors.jira", k.jira().writeBack().reopen());
    reopen("connectors.zendesk", k.zendesk().writeBack().reopen());
    reopen("connectors.servicenow", k.servicenow().writeBack().reopen());
    reopen("connectors.freshservice", k.freshservice().writeBack().reopen());
    reopen("connectors.glpi", k.glpi().writeBack().reopen());
    reopen("connectors.zammad", k.zammad().writeBack().reopen());
    optionalUrl("connectors.jira.baseUrl", k.jira().baseUrl());
    optionalUrl("connectors.zendesk.baseUrl", k.zendesk().baseUrl());
    // {subdomain}.zendesk.com: one DNS label, or the host would end inside it
    require(
        "connectors.zendesk.subdomain",
        empty(k.zendesk().subdomain()) || DNS_LABEL.matcher(k.zendesk().subdomain()).matches(),
        "must be the account's name in {name}.zendesk.com (letters, digits and -)");
    // a path segment of the Table API
    require(
        "connectors.servicenow.table",
        empty(k.servicenow().table()) || TABLE.matcher(k.servicenow().table()).matches(),
        "must be a table name such as incident (letters, digits and _)");
    optionalUrl("connectors.servicenow.instanceUrl", k.servicenow().instanceUrl());
    optionalUrl("connectors.freshservice.baseUrl", k.freshservice().baseUrl());
    optionalUrl("connectors.glpi.baseUrl", k.glpi().baseUrl());
    optionalUrl("connectors.zammad.baseUrl", k.zammad().baseUrl());
    optionalUrl("connectors.generic.writeBackUrl", k.generic().writeBackUrl());
    require(
        "connectors.generic.writeBackSecret",
        empty(k.generic().writeBackUrl()) || !empty(k.generic().writeBackSecret()),
        "must be set when writeBackUrl is: every write-back is signed");
  }

  private static boolean empty(String value) {
    return value == null || value.isEmpty();
  }

  private static void reopen(String connector, String value) {
    require(
        connector + ".writeBack.reopen",
        List.of("ask", "always", "never").contains(value),
        "must be ask, always or never");
  }

  private static void optionalUrl(String key, String value) {
    require(
        key, empty(value) || address(value, "http", "https"), "must be an http(s) URL, or empty");
  }

  /**
   * Whether {@code value} parses as an absolute URL of one of {@code schemes} with a host and no
   * query or fragment: paths are appended to it, so anything after the host's end would send the
   * request, and its credentials, elsewhere.
   */
  private static boolean address(String value, String... schemes) {
    try {
      java.net.URI uri = new java.net.URI(value);
      return uri.getScheme() != null
          && List.of(schemes).contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
          && uri.getHost() != null
          && !uri.getHost().isEmpty()
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static void pollEvery(String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    try {
      Duration d = Duration.parse(value);
      require(key, d.compareTo(Duration.ofSeconds(10)) >= 0, "must be at least PT10S");
    } catch (DateTimeException e) {
      throw new ConfigException(key, "must be an ISO-8601 duration such as PT5M, or empty");
    }
  }

  /** A bound on a wait: at least 100 ms (a real answer has time to come), at most 10 minutes. */
  private static void timeout(String key, Duration value) {
    require(
        key,
        value != null
            && value.compareTo(Duration.ofMillis(100)) >= 0
            && value.compareTo(Duration.ofMinutes(10)) <= 0,
        "must be a duration between PT0.1S and PT10M");
  }

  static void quietHours(String value) {
    if (value.isEmpty()) {
      return;
    }
    String[] parts = value.split("-", -1);
    if (parts.length != 2
        || !HHMM.matcher(parts[0]).matches()
        || !HHMM.matcher(parts[1]).matches()) {
      throw new ConfigException("survey.quietHours", "must look like 20:00-08:00, or be empty");
    }
  }

  private static void time(String key, String value) {
    require(key, value != null && HHMM.matcher(value).matches(), "must be a time HH:MM");
    LocalTime.parse(value);
  }

  private static void zone(String key, String value) {
    try {
      ZoneId.of(value);
    } catch (DateTimeException | NullPointerException e) {
      throw new ConfigException(key, "unknown time zone '" + value + "'");
    }
  }

  private static void url(String key, String value) {
    require(key, address(value, "http", "https"), "must be an http(s) URL");
    require(key, value.endsWith("/"), "must end with /");
  }

  private static void range(String key, long value, long min, long max) {
    require(key, value >= min && value <= max, "must be between " + min + " and " + max);
  }

  private static void notNegative(String key, Duration value) {
    require(
        key,
        value != null && !value.isNegative(),
        "must be a duration such as PT15M (PT0S for none)");
  }

  private static void require(String key, boolean ok, String reason) {
    if (!ok) {
      throw new ConfigException(key, reason);
    }
  }

  /**
   * One address the mail library will take as the sender, with no line break or other control
   * character (which it would refuse at every send, or which would end the header).
   */
  private static boolean sender(String from) {
    if (from == null || !from.contains("@") || from.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    try {
      new jakarta.mail.internet.InternetAddress(from, true);
      return true;
    } catch (jakarta.mail.internet.AddressException e) {
      return false;
    }
  }
}
