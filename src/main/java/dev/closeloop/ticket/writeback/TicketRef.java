package dev.closeloop.ticket.writeback;

/**
 * A ticket as Closeloop knows it: the id its connector reported (Jira key, Zendesk id, ServiceNow
 * number, Freshservice id such as {@code SR-207}, GLPI id, Zammad number) and its link. Where the
 * API wants another id (ServiceNow {@code sys_id}, Zammad's internal id) the adapter reads it from
 * the link, else looks it up by the reported id.
 *
 * @param url the ticket's link as the connector built it; may be null
 */
public record TicketRef(String id, String url) {
  public TicketRef {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a ticket reference needs an id");
    }
  }
}
