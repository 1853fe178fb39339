package dev.closeloop.digest;

import java.time.Instant;

/**
 * One incident as the digest shows it. Text fields are as the requester or helpdesk wrote them;
 * renderers escape them.
 */
public record DigestEntry(
    long surveyId,
    String ticketId,
    String url,
    String title,
    String requester,
    String assignee,
    String team,
    Integer score,
    Boolean fixed,
    String comment,
    String request,
    boolean negative,
    Instant createdAt,
    String owner,
    Instant ownedAt,
    String followedUpBy,
    Instant followedUpAt,
    String note,
    String requesterLocale) {

  /** An entry whose requester's language is not known. */
  public DigestEntry(
      long surveyId,
      String ticketId,
      String url,
      String title,
      String requester,
      String assignee,
      String team,
      Integer score,
      Boolean fixed,
      String comment,
      String request,
      boolean negative,
      Instant createdAt,
      String owner,
      Instant ownedAt,
      String followedUpBy,
      Instant followedUpAt,
      String note) {
    this(
        surveyId,
        ticketId,
        url,
        title,
        requester,
        assignee,
        team,
        score,
        fixed,
        comment,
        request,
        negative,
        createdAt,
        owner,
        ownedAt,
        followedUpBy,
        followedUpAt,
        note,
        null);
  }

  /** Lower is worse: not fixed and low scores first; requests after negatives. */
  public int severity() {
    int s = score == null ? 3 : score;
    int base = s * 2 + (Boolean.FALSE.equals(fixed) ? 0 : 1);
    return negative ? base : 100 + base;
  }
}
