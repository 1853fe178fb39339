package dev.closeloop.config;

import static java.util.Map.entry;

import java.util.Map;

/**
 * What each configuration key means, next to the records that define the keys. {@code closeloop
 * config-reference} writes the configuration part of {@code docs/reference.md} from the records,
 * the bundled defaults and this map; a test fails when a key of the records has no entry here, when
 * an entry names no key, or when the file differs from what the command writes.
 *
 * <p>Keys are dotted paths as written in YAML. Under a map whose names the operator chooses (such
 * as {@code digest.teams}), the name is written {@code <name>}.
 */
public final class ConfigDocs {
  private ConfigDocs() {}

  /** One line per section, shown above its table. */
  public static final Map<String, String> SECTIONS =
      Map.ofEntries(
          entry("server", "The HTTP server: webhooks, admin API, health, metrics, sandbox."),
          entry("storage", "Where everything durable lives: H2 in a file, or PostgreSQL."),
          entry("intake", "Ticket webhooks (`POST /hooks/tickets[/{source}]`)."),
          entry("admin", "The admin API (`/admin/*`) and the CLI verbs that ask a running app."),
          entry("sandbox", "The local demo chat at `/sandbox`."),
          entry("backup", "Where online backups (`backup`, `POST /admin/backup`) are written."),
          entry("mail", "Outgoing mail: the one-time codes of Discord self-service linking."),
          entry("stats", "Who may see team figures with `/closeloop stats`."),
          entry("slack", "Slack: on when `botToken` is set."),
          entry("discord", "Discord: on when `token` is set."),
          entry("survey", "Who is asked, when, and in which words."),
          entry("digest", "The daily digest of negative replies and the weekly summary."),
          entry("delivery", "Retries of every outbound chat message (the outbox)."),
          entry("retention", "How long answers are kept."),
          entry(
              "timeouts",
              "How long each outbound wait may last (ISO-8601, `PT0.1S` to `PT10M`); a chat send"
                  + " with no answer in time is looked up on the platform before any resend."),
          entry(
              "connectors",
              "Helpdesk webhooks, pollers and write-back; each system's guide is in"
                  + " `docs/connectors/`."));

  /** One entry per key. */
  /** Keys still read but no longer advertised (the example config leaves them out). */
  public static final java.util.Set<String> DEPRECATED_PREFIXES =
      java.util.Set.of("survey.wording.");

  public static final Map<String, String> KEYS =
      withHelpdesks(
          Map.ofEntries(
              entry(
                  "server.port",
                  "Port of webhooks, admin API, health, metrics, `/sandbox` and `/slack/events`; 0 binds"
                      + " a free port."),
              entry(
                  "server.portFile",
                  "If set, the bound port is written to this file (useful with port 0; CLI verbs read"
                      + " it to find the running app)."),
              entry(
                  "storage.url",
                  "`jdbc:h2:file:…` or `jdbc:postgresql://host:5432/db` (several instances); an H2 URL"
                      + " without `WRITE_DELAY` gets `;WRITE_DELAY=0`, and without `DB_CLOSE_ON_EXIT`"
                      + " `;DB_CLOSE_ON_EXIT=FALSE` (Closeloop closes the store itself on a stop)."),
              entry("storage.user", "Database user."),
              entry("storage.password", "Database password."),
              entry(
                  "intake.secret",
                  "HMAC key of the generic webhook (`X-Closeloop-Signature`); empty: every generic"
                      + " webhook answers 401."),
              entry(
                  "intake.maxBodyBytes",
                  "Body limit of the helpdesk connector routes (the generic route: 64 KiB); larger →"
                      + " 413. At most 67108864 (64 MiB)."),
              entry("admin.token", "Bearer token of `/admin/*`; empty: the admin API answers 401."),
              entry(
                  "sandbox.enabled",
                  "`null`: on only when neither Slack nor Discord is configured, taking only its own"
                      + " demo tickets; `true`: also tickets from real connectors; `false`: off."),
              entry(
                  "sandbox.allowRemote",
                  "`false`: `/sandbox` and `/sandbox/api/*` answer loopback clients only (others 404);"
                      + " `true`: other addresses must send the admin token."),
              entry(
                  "backup.dir",
                  "Directory of online backups; `backup NAME` and `POST /admin/backup` take a file"
                      + " name only (no `/`, `\\`, `..`)."),
              entry(
                  "mail.smtp.host",
                  "SMTP relay for link codes; empty: no mail, Discord self-linking waits for an"
                      + " admin's approval."),
              entry("mail.smtp.port", "SMTP port (587: submission with STARTTLS)."),
              entry("mail.smtp.username", "SMTP user; empty: no authentication."),
              entry("mail.smtp.password", "SMTP password."),
              entry("mail.smtp.from", "Sender address of the code mails."),
              entry("mail.smtp.startTls", "Require STARTTLS before authenticating."),
              entry(
                  "stats.slackUsergroup",
                  "Slack user group id (`S…`) whose members may use `/closeloop stats`; empty: members"
                      + " of `digest.slackChannel`."),
              entry(
                  "stats.discordRole",
                  "Discord role id whose members may use `/closeloop stats`; empty: members who can"
                      + " see `digest.discordChannel`."),
              entry("slack.botToken", "Bot token (`xoxb-…`); non-empty turns Slack on."),
              entry(
                  "slack.appToken",
                  "App-level token (`xapp-…`): Socket Mode, no public URL needed; wins over"
                      + " `signingSecret`."),
              entry(
                  "slack.signingSecret",
                  "Signing secret: HTTP mode on `/slack/events` when no `appToken` is set."),
              entry(
                  "slack.apiUrl",
                  "Web API base, ending in `/` (proxies, GovSlack: `https://slack-gov.com/api/`)."),
              entry("discord.token", "Bot token; non-empty turns Discord on."),
              entry("discord.apiUrl", "REST API base, ending in `/`."),
              entry(
                  "discord.gatewayUrl",
                  "Gateway URL; empty: asked from `GET {apiUrl}gateway/bot`."),
              entry("survey.delay", "Wait after the close before asking."),
              entry(
                  "survey.cooldown",
                  "At most one survey DM per person per cooldown (`PT0S`: none)."),
              entry("survey.sampleRate", "Share of tickets surveyed (0–1), drawn once per ticket."),
              entry(
                  "survey.reminderAfter",
                  "One reminder this long after the DM; `PT0S` or ≥ `expireAfter`: none."),
              entry(
                  "survey.expireAfter",
                  "The survey closes this long after the DM; a close older than this is skipped as"
                      + " `stale`."),
              entry(
                  "survey.quietHours",
                  "`HH:MM-HH:MM` in the requester's zone: no unsolicited message then (`\"\"`: none)."),
              entry(
                  "survey.weekends",
                  "`false`: nothing unsolicited on Saturday or Sunday in the requester's zone."),
              entry(
                  "survey.preferPlatform",
                  "`slack` or `discord`: where to ask a person reachable on both."),
              entry(
                  "survey.locale",
                  "The requester's language when neither the ticket (`requester.locale`) nor Slack /"
                      + " Discord names one: `en`, `de`, `fr`, `es`, `pt` (Brazilian wording; `pt-PT`"
                      + " for European), `ja`, or a language of `survey.words` (docs/language.md)."),
              entry(
                  "survey.words",
                  "Your own texts: language → text key → ICU message, overriding the bundled ones or"
                      + " adding a language; a missing text is shown in English (docs/language.md)."),
              entry(
                  "survey.wording.intro",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.intro`."),
              entry(
                  "survey.wording.fixedQuestion",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.fixedQuestion`."),
              entry(
                  "survey.wording.ratingQuestion",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.ratingQuestion`."),
              entry(
                  "survey.wording.whatWentWrong",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.whatWentWrong`."),
              entry(
                  "survey.wording.thanksForComment",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.thanksForComment`."),
              entry(
                  "survey.wording.anythingElse",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.anythingElse`."),
              entry(
                  "survey.wording.requestPrompt",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.requestPrompt`."),
              entry(
                  "survey.wording.requestNoted",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.requestNoted`."),
              entry(
                  "survey.wording.closingPositive",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.closingPositive`."),
              entry(
                  "survey.wording.closingNegative",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.closingNegative`."),
              entry(
                  "survey.wording.reminder",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.reminder`."),
              entry(
                  "survey.wording.expired",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.expired`."),
              entry(
                  "survey.wording.followedUp",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.followedUp`."),
              entry(
                  "survey.wording.optedOut",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.optedOut`."),
              entry(
                  "survey.wording.optedIn",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.optedIn`."),
              entry(
                  "survey.wording.alreadyAnswered",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.alreadyAnswered`."),
              entry(
                  "survey.wording.surveyClosed",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.surveyClosed`."),
              entry(
                  "survey.wording.notUnderstood",
                  "Deprecated (read for one more release as `survey.words` of the `survey.locale`"
                      + " language): use `survey.words.<lang>.notUnderstood`."),
              entry("digest.time", "Daily digest time `HH:MM` …"),
              entry("digest.zone", "… in this zone (also the fallback zone of requesters)."),
              entry("digest.slackChannel", "Slack channel id (`C…`) of the digest."),
              entry("digest.discordChannel", "Discord channel id of the digest."),
              entry(
                  "digest.negativeAtOrBelow",
                  "Scores at or below this are negative; \"not fixed\" and negative comments count"
                      + " too."),
              entry("digest.followUpMessage", "Tell the requester when someone followed up."),
              entry(
                  "digest.ownerReminderAfter",
                  "Remind the owner of an incident still open this long (`PT0S`: never), by DM,"
                      + " again each period until it is followed up. An owner with several due gets"
                      + " one list (up to 10 tickets), which also takes along their tickets falling"
                      + " due within the next hour (a quarter of the period, if shorter)."),
              entry(
                  "digest.alertImmediately",
                  "Also post score-1 and \"not fixed\" answers to the channels at once."),
              entry(
                  "digest.teams",
                  "Team name → its own channels: that team also gets a digest of its own entries."),
              entry("digest.teams.<name>.slackChannel", "The team's Slack channel id."),
              entry("digest.teams.<name>.discordChannel", "The team's Discord channel id."),
              entry("digest.weekly.day", "Day of the weekly summary (figures and a trend chart)."),
              entry("digest.weekly.time", "Its time `HH:MM`, in `digest.zone`."),
              entry(
                  "digest.locale",
                  "The IT team's language for the digest, weekly summary and alerts: `en`, `de`, `fr`,"
                      + " `es`, `pt`, `ja`."),
              entry(
                  "delivery.maxAttempts",
                  "Attempts per outbound message, then it is dead-lettered (`outbox list --dead`)."),
              entry(
                  "delivery.backoff",
                  "First retry (at least `PT0.1S`); doubles with jitter up to `backoffMax`; a 429 waits"
                      + " `Retry-After`."),
              entry("delivery.backoffMax", "Longest wait between two attempts."),
              entry(
                  "retention.keep",
                  "`purge` and a daily job remove tickets, surveys and answers older than this."),
              entry("timeouts.connect", "Opening a connection, for every outbound client."),
              entry("timeouts.slack", "One Slack Web API call, from start to end."),
              entry(
                  "timeouts.discord",
                  "One Discord REST call, and each send (rate-limit waits included)."),
              entry(
                  "timeouts.helpdesk",
                  "One helpdesk request, its body included (pollers, write-back calls)."),
              entry(
                  "timeouts.mail",
                  "Each read and write of an SMTP exchange; the whole exchange ends within three"
                      + " times this.")));

  private static Map<String, String> withHelpdesks(Map<String, String> keys) {
    Map<String, String> all = new java.util.HashMap<>(keys);
    all.putAll(HelpdeskDocs.KEYS);
    return Map.copyOf(all);
  }
}
