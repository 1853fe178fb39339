package dev.closeloop.config;

import dev.closeloop.config.Helpdesks.Freshservice;
import dev.closeloop.config.Helpdesks.Generic;
import dev.closeloop.config.Helpdesks.Glpi;
import dev.closeloop.config.Helpdesks.Jira;
import dev.closeloop.config.Helpdesks.ServiceNow;
import dev.closeloop.config.Helpdesks.Zammad;
import dev.closeloop.config.Helpdesks.Zendesk;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;

/**
 * The whole configuration, bound from YAML over the bundled defaults ({@code defaults.yml}) and
 * validated once at start by {@link ConfigLoader}. Keys are those of docs/reference.md.
 */
public record Config(
    Server server,
    Storage storage,
    Intake intake,
    Admin admin,
    Sandbox sandbox,
    Backup backup,
    Mail mail,
    Slack slack,
    Discord discord,
    Survey survey,
    Digest digest,
    Stats stats,
    Delivery delivery,
    Retention retention,
    Connectors connectors,
    Timeouts timeouts) {

  public record Server(int port, String portFile) {}

  public record Storage(String url, String user, String password) {
    public boolean isPostgres() {
      return url.startsWith("jdbc:postgresql:");
    }
  }

  public record Intake(String secret, long maxBodyBytes) {}

  public record Admin(String token) {}

  /**
   * @param enabled null: on only when no platform is configured, and then only for its own demo
   *     tickets; true: on, and real tickets with no chat identity fall back to it
   * @param allowRemote false: loopback clients only; true: others with the admin token
   */
  public record Sandbox(Boolean enabled, boolean allowRemote) {
    /** Whether tickets from real connectors may be surveyed in the sandbox. */
    public boolean takesRealTickets() {
      return Boolean.TRUE.equals(enabled);
    }
  }

  /** Where {@code POST /admin/backup} and {@code backup} write, by file name only. */
  public record Backup(String dir) {}

  public record Mail(Smtp smtp) {}

  /** The SMTP relay for Discord link codes; an empty host means no mail. */
  public record Smtp(
      String host, int port, String username, String password, String from, boolean startTls) {
    public boolean configured() {
      return !host.isBlank();
    }
  }

  /**
   * Who may use {@code /closeloop stats}: a Slack user group / a Discord role (empty: the digest
   * channel's members / those who can see it).
   */
  public record Stats(String slackUsergroup, String discordRole) {}

  public record Slack(String botToken, String appToken, String signingSecret, String apiUrl) {
    public boolean configured() {
      return !botToken.isEmpty();
    }

    public boolean socketMode() {
      return !appToken.isEmpty();
    }
  }

  public record Discord(String token, String apiUrl, String gatewayUrl) {
    public boolean configured() {
      return !token.isEmpty();
    }
  }

  public record Survey(
      Duration delay,
      Duration cooldown,
      double sampleRate,
      Duration reminderAfter,
      Duration expireAfter,
      String quietHours,
      boolean weekends,
      String preferPlatform,
      String locale,
      Map<String, Map<String, String>> words,
      Wording wording) {}

  /**
   * The single-language wording of earlier releases ({@code survey.wording}), still read for one
   * release: each text set here overrides that key in the {@code survey.locale} language, unless
   * {@code survey.words} sets it too. Unset fields are null.
   */
  public record Wording(
      String intro,
      String fixedQuestion,
      String ratingQuestion,
      String whatWentWrong,
      String thanksForComment,
      String anythingElse,
      String requestPrompt,
      String requestNoted,
      String closingPositive,
      String closingNegative,
      String reminder,
      String expired,
      String followedUp,
      String optedOut,
      String optedIn,
      String alreadyAnswered,
      String surveyClosed,
      String notUnderstood) {

    /** The texts set here, by key (the field name, which is the message key). */
    public Map<String, String> given() {
      Map<String, String> out = new java.util.TreeMap<>();
      for (var c : Wording.class.getRecordComponents()) {
        try {
          Object v = c.getAccessor().invoke(this);
          if (v != null) {
            out.put(c.getName(), (String) v);
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
  }

  public record Digest(
      String time,
      String zone,
      String slackChannel,
      String discordChannel,
      int negativeAtOrBelow,
      boolean followUpMessage,
      Duration ownerReminderAfter,
      boolean alertImmediately,
      Map<String, Team> teams,
      Weekly weekly,
      String locale) {}

  public record Team(String slackChannel, String discordChannel) {}

  public record Weekly(DayOfWeek day, String time) {}

  public record Delivery(int maxAttempts, Duration backoff, Duration backoffMax) {}

  public record Retention(Duration keep) {}

  /**
   * How long each outbound wait may last, on purpose: {@code connect} opening a connection (every
   * client), {@code slack} one Slack Web API call, {@code discord} one Discord REST call (its rate
   * limit waits included), {@code helpdesk} one helpdesk request (pollers, write-back), {@code
   * mail} each read and write of an SMTP exchange.
   */
  public record Timeouts(
      Duration connect, Duration slack, Duration discord, Duration helpdesk, Duration mail) {
    /** The values of {@code defaults.yml}, for adapters built without a config (tests). */
    public static Timeouts defaults() {
      return new Timeouts(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10));
    }
  }

  public record Connectors(
      Jira jira,
      Zendesk zendesk,
      ServiceNow servicenow,
      Freshservice freshservice,
      Glpi glpi,
      Zammad zammad,
      Generic generic) {

    /** Intake only: no generic write-back. */
    public Connectors(
        Jira jira,
        Zendesk zendesk,
        ServiceNow servicenow,
        Freshservice freshservice,
        Glpi glpi,
        Zammad zammad) {
      this(jira, zendesk, servicenow, freshservice, glpi, zammad, Generic.NONE);
    }
  }

  /** Sandbox chat is on when asked for, or by default when no real platform is configured. */
  public boolean sandboxEnabled() {
    return sandbox.enabled() != null
        ? sandbox.enabled()
        : !slack.configured() && !discord.configured();
  }
}
