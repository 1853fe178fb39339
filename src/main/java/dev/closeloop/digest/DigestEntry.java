package dev.closeloop.digest;

import java.time.Instant;

/**
 * One incident as the digest shows it. Text fields are as the requester or helpdesk wrote them;
 * renderers escape them. {@code commentLanguage} is the comment's language as found when it was
 * stored ("de"; "" when it could not be told; null when it was not looked at, so it is looked at
 * when shown).
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
    String requesterLocale,
    Helpdesk helpdesk,
    String commentLanguage) {

  /**
   * What the ticket's helpdesk made of this entry's answers (write-back), any field null when
   * nothing happened.
   *
   * @param requestTicket the ticket a request became, and its link
   * @param reopened true when the helpdesk reopened the ticket (or found it open), false when the
   *     reopen failed (and {@code reopenFailure} says why)
   */
  public record Helpdesk(
      String requestTicket, String requestTicketUrl, Boolean reopened, String reopenFailure) {
    public static final Helpdesk NONE = new Helpdesk(null, null, null, null);

    /** From the write-back's records: a request's outcome and id, a reopen's outcome and reason. */
    public static Helpdesk of(
        String requestOutcome,
        String requestId,
        String requestUrl,
        String reopenOutcome,
        String reopenReason) {
      boolean created = "ok".equals(requestOutcome) && requestId != null;
      Boolean reopened =
          reopenOutcome == null
              ? null
              : "ok".equals(reopenOutcome) || "no_change".equals(reopenOutcome);
      return new Helpdesk(
          created ? requestId : null,
          created ? requestUrl : null,
          reopened,
          Boolean.FALSE.equals(reopened) ? reopenReason : null);
    }
  }

  /** An entry without write-back facts. */
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
      String note,
      String requesterLocale) {
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
        requesterLocale,
        Helpdesk.NONE,
        null);
  }

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
