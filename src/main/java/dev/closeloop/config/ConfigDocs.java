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
                  + " without `WRITE_DELAY` gets `;WRITE_DELAY=0`."),
          entry("storage.user", "Database user."),
          entry("storage.password", "Database password."),
          entry(
              "intake.secret",
              "HMAC key of the generic webhook (`X-Closeloop-Signature`); empty: every generic"
                  + " webhook answers 401."),
          entry(
              "intake.maxBodyBytes",
              "Body limit of the helpdesk connector routes (the generic route: 64 KiB); larger →"
                  + " 413."),
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
          entry("discord.gatewayUrl", "Gateway URL; empty: asked from `GET {apiUrl}gateway/bot`."),
          entry("survey.delay", "Wait after the close before asking."),
          entry("survey.cooldown", "At most one survey DM per person per cooldown (`PT0S`: none)."),
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
                  + " Discord names one: `en`, `de`, `fr`, `es`, `pt`, `ja`, or a language of"
                  + " `survey.words` (docs/language.md)."),
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
              "Remind the owner of an incident still open this long (`PT0S`: never)."),
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
              "First retry; doubles with jitter up to `backoffMax`; a 429 waits `Retry-After`."),
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
          entry("timeouts.mail", "Each read and write of an SMTP exchange."),
          entry("connectors.jira.secret", "Webhook secret (`X-Hub-Signature`, or `?token=`)."),
          entry("connectors.jira.baseUrl", "Site URL, e.g. `https://example.atlassian.net`."),
          entry(
              "connectors.jira.email", "Account email of the poller and write-back (Basic auth)."),
          entry("connectors.jira.apiToken", "API token of the poller and write-back."),
          entry("connectors.jira.jql", "Extra JQL the poller ANDs with its own."),
          entry("connectors.jira.pollEvery", "Poll interval (≥ `PT10S`); `\"\"`: webhook only."),
          entry("connectors.jira.backfill", "How far back the first poll looks."),
          entry(
              "connectors.zendesk.secret",
              "Webhook signing secret (`X-Zendesk-Webhook-Signature`)."),
          entry("connectors.zendesk.baseUrl", "Account URL; empty: from `subdomain`."),
          entry("connectors.zendesk.subdomain", "`{subdomain}.zendesk.com`."),
          entry("connectors.zendesk.email", "Agent email of the poller and write-back."),
          entry("connectors.zendesk.apiToken", "API token of the poller and write-back."),
          entry("connectors.zendesk.pollEvery", "Poll interval (≥ `PT10S`); `\"\"`: webhook only."),
          entry("connectors.zendesk.backfill", "How far back the first poll looks."),
          entry(
              "connectors.servicenow.secret",
              "Shared token (`X-Closeloop-Token` header or `?token=`)."),
          entry("connectors.servicenow.instanceUrl", "Instance URL."),
          entry(
              "connectors.servicenow.user",
              "User of the poller and write-back (Basic auth; write-back needs `itil`)."),
          entry("connectors.servicenow.password", "Its password."),
          entry("connectors.servicenow.table", "Table of tickets."),
          entry("connectors.servicenow.query", "Extra encoded query the poller adds."),
          entry(
              "connectors.servicenow.pollEvery",
              "Poll interval (≥ `PT10S`); `\"\"`: webhook only."),
          entry("connectors.servicenow.backfill", "How far back the first poll looks."),
          entry(
              "connectors.freshservice.secret",
              "Shared token (`X-Closeloop-Token` header or `?token=`)."),
          entry("connectors.glpi.secret", "Webhook secret (`X-GLPI-signature`)."),
          entry("connectors.glpi.baseUrl", "GLPI URL, for ticket links."),
          entry(
              "connectors.glpi.emailDomain",
              "Added to requester names without `@` to make an email."),
          entry("connectors.zammad.secret", "Webhook secret (`X-Hub-Signature`)."),
          entry("connectors.zammad.baseUrl", "Zammad URL, for ticket links and write-back."),
          entry(
              "connectors.zammad.apiToken",
              "Access token for write-back (`Authorization: Token token=…`), of an agent with"
                  + " `ticket.agent`."),
          entry(
              "connectors.freshservice.baseUrl",
              "Account URL for write-back, e.g. `https://acme.freshservice.com`."),
          entry(
              "connectors.freshservice.apiKey",
              "API key of the agent that writes back (Basic `apiKey:X`)."),
          entry(
              "connectors.glpi.appToken",
              "App-Token of the API client (Setup → General → API); empty if the client has"
                  + " none."),
          entry(
              "connectors.glpi.userToken",
              "API token of the GLPI user that writes back (`initSession` with `user_token`)."),
          entry(
              "connectors.jira.writeBack.notes",
              "Put each survey result on the Jira ticket as an internal note."),
          entry(
              "connectors.jira.writeBack.reopen",
              "On \"not fixed\": `ask` offers the requester a reopen button, `always` reopens,"
                  + " `never` leaves the ticket closed."),
          entry(
              "connectors.jira.writeBack.followUps",
              "\"I'll take it\" and \"Followed up\" in the digest add an internal note."),
          entry(
              "connectors.jira.writeBack.createRequests",
              "A request typed after \"anything else?\" opens a new Jira ticket for the"
                  + " requester, linked to the original."),
          entry(
              "connectors.zendesk.writeBack.notes",
              "Put each survey result on the Zendesk ticket as an internal note."),
          entry(
              "connectors.zendesk.writeBack.reopen",
              "On \"not fixed\": `ask` offers the requester a reopen button, `always` reopens,"
                  + " `never` leaves the ticket closed."),
          entry(
              "connectors.zendesk.writeBack.followUps",
              "\"I'll take it\" and \"Followed up\" in the digest add an internal note."),
          entry(
              "connectors.zendesk.writeBack.createRequests",
              "A request typed after \"anything else?\" opens a new Zendesk ticket for the"
                  + " requester, linked to the original."),
          entry(
              "connectors.servicenow.writeBack.notes",
              "Put each survey result on the ServiceNow ticket as an internal note."),
          entry(
              "connectors.servicenow.writeBack.reopen",
              "On \"not fixed\": `ask` offers the requester a reopen button, `always` reopens,"
                  + " `never` leaves the ticket closed."),
          entry(
              "connectors.servicenow.writeBack.followUps",
              "\"I'll take it\" and \"Followed up\" in the digest add an internal note."),
          entry(
              "connectors.servicenow.writeBack.createRequests",
              "A request typed after \"anything else?\" opens a new ServiceNow ticket for the"
                  + " requester, linked to the original."),
          entry(
              "connectors.freshservice.writeBack.notes",
              "Put each survey result on the Freshservice ticket as an internal note."),
          entry(
              "connectors.freshservice.writeBack.reopen",
              "On \"not fixed\": `ask` offers the requester a reopen button, `always` reopens,"
                  + " `never` leaves the ticket closed."),
          entry(
              "connectors.freshservice.writeBack.followUps",
              "\"I'll take it\" and \"Followed up\" in the digest add an internal note."),
          entry(
              "connectors.freshservice.writeBack.createRequests",
              "A request typed after \"anything else?\" opens a new Freshservice ticket for the"
                  + " requester, linked to the original."),
          entry(
              "connectors.glpi.writeBack.notes",
              "Put each survey result on the GLPI ticket as an internal note."),
          entry(
              "connectors.glpi.writeBack.reopen",
              "On \"not fixed\": `ask` offers the requester a reopen button, `always` reopens,"
                  + " `never` leaves the ticket closed."),
          entry(
              "connectors.glpi.writeBack.followUps",
              "\"I'll take it\" and \"Followed up\" in the digest add an internal note."),
          entry(
              "connectors.glpi.writeBack.createRequests",
              "A request typed after \"anything else?\" opens a new GLPI ticket for the"
                  + " requester, linked to the original."),
          entry(
              "connectors.zammad.writeBack.notes",
              "Put each survey result on the Zammad ticket as an internal note."),
          entry(
              "connectors.zammad.writeBack.reopen",
              "On \"not fixed\": `ask` offers the requester a reopen button, `always` reopens,"
                  + " `never` leaves the ticket closed."),
          entry(
              "connectors.zammad.writeBack.followUps",
              "\"I'll take it\" and \"Followed up\" in the digest add an internal note."),
          entry(
              "connectors.zammad.writeBack.createRequests",
              "A request typed after \"anything else?\" opens a new Zammad ticket for the"
                  + " requester, linked to the original."),
          entry(
              "connectors.jira.writeBack.reopenTransition",
              "Workflow transition that reopens an issue, by name or id; empty: the first"
                  + " transition to a status outside the Done category."),
          entry(
              "connectors.generic.writeBackUrl",
              "Write-backs of generic-webhook tickets go here as signed JSON POSTs; empty:"
                  + " none."),
          entry(
              "connectors.generic.writeBackSecret",
              "HMAC key of those POSTs (`X-Closeloop-Signature`, as the inbound webhook)."));
}
