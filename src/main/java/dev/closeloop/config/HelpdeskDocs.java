package dev.closeloop.config;

import static java.util.Map.entry;

import java.util.Map;

/**
 * What each key of the helpdesk sections ({@code connectors.*}) means; part of {@link ConfigDocs}.
 */
final class HelpdeskDocs {
  private HelpdeskDocs() {}

  static final Map<String, String> KEYS =
      Map.ofEntries(
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
