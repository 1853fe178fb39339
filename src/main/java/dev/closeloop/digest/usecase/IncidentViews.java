package dev.closeloop.digest.usecase;

import dev.closeloop.digest.DigestEntry;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.DigestQueries;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Rows;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.WriteBacks;
import dev.closeloop.survey.usecase.AnswerSet;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Incidents joined with their survey and answers, as the digest and the admin API show them. */
public final class IncidentViews {
  private IncidentViews() {}

  /**
   * A digest entry and its section: created in the window ({@code fresh}) or still open from
   * before.
   */
  record Ranked(boolean fresh, DigestEntry entry) {}

  /** One row of {@link DigestQueries#WORST}. */
  private static final RowMapper<Ranked> RANKED =
      (rs, ctx) -> {
        IncidentRow i =
            new IncidentRow(
                rs.getLong("survey_id"),
                Rows.instant(rs, "created_at"),
                rs.getString("kind"),
                rs.getString("owner"),
                Rows.instant(rs, "owned_at"),
                rs.getString("followed_up_by"),
                Rows.instant(rs, "followed_up_at"),
                rs.getString("note"),
                rs.getString("owner_ref"),
                Rows.instant(rs, "owner_reminded_at"),
                rs.getBoolean("alerted"));
        AnswerSet a =
            AnswerSet.of(
                rs.getString("a_fixed"),
                rs.getString("a_rating"),
                rs.getString("a_comment"),
                rs.getString("a_request"));
        DigestEntry e =
            entry(
                i,
                a,
                rs.getString("ticket_id"),
                rs.getString("url"),
                rs.getString("title"),
                requester(
                    rs.getString("requester_name"),
                    rs.getString("requester_email"),
                    rs.getString("person_key")),
                rs.getString("assignee"),
                rs.getString("team"),
                rs.getString("requester_locale"),
                DigestEntry.Helpdesk.of(
                    rs.getString("wb_request"),
                    rs.getString("wb_request_id"),
                    rs.getString("wb_request_url"),
                    rs.getString("wb_reopen"),
                    rs.getString("wb_reopen_reason")),
                rs.getString("a_comment_lang"));
        return new Ranked(rs.getInt("fresh") == 1, e);
      };

  /**
   * The {@code limit} worst entries of the window [from, to) and of those still open from before
   * it, worst first (as {@link DigestEntry#severity()}, then oldest first), for one team or every
   * team when {@code team} is null.
   */
  static DigestQueries.Worst<Ranked> worst(
      Handle h, Instant from, Instant to, String team, int limit) {
    return new DigestQueries(h).worst(from, to, team, limit, RANKED);
  }

  public static DigestEntry entry(SurveyRow s, IncidentRow i, List<AnswerRow> answers) {
    return entry(s, i, answers, DigestEntry.Helpdesk.NONE);
  }

  /** The entry as a card shows it: with what the ticket's helpdesk made of the answers. */
  static DigestEntry entry(Handle h, SurveyRow s, IncidentRow i) {
    WriteBacks wb = new WriteBacks(h);
    var request = wb.of(s.id(), "request").orElse(null);
    var reopen = wb.of(s.id(), "reopen").orElse(null);
    return entry(
        s,
        i,
        new Answers(h).forSurvey(s.id()),
        DigestEntry.Helpdesk.of(
            request == null ? null : request.outcome(),
            request == null ? null : request.resultId(),
            request == null ? null : request.resultUrl(),
            reopen == null ? null : reopen.outcome(),
            reopen == null ? null : reopen.reason()));
  }

  private static DigestEntry entry(
      SurveyRow s, IncidentRow i, List<AnswerRow> answers, DigestEntry.Helpdesk helpdesk) {
    String commentLanguage = null;
    for (AnswerRow a : answers) {
      if ("comment".equals(a.kind())) {
        commentLanguage = a.lang();
      }
    }
    return entry(
        i,
        AnswerSet.of(answers),
        s.ticketId(),
        s.url(),
        s.title(),
        requester(s.requesterName(), s.requesterEmail(), s.personKey()),
        s.assignee(),
        s.team(),
        s.locale(),
        helpdesk,
        commentLanguage);
  }

  private static DigestEntry entry(
      IncidentRow i,
      AnswerSet a,
      String ticketId,
      String url,
      String title,
      String requester,
      String assignee,
      String team,
      String requesterLocale,
      DigestEntry.Helpdesk helpdesk,
      String commentLanguage) {
    return new DigestEntry(
        i.surveyId(),
        ticketId,
        url,
        title,
        requester,
        assignee,
        team,
        a.rating(),
        a.fixed(),
        a.comment(),
        a.request(),
        IncidentRow.NEGATIVE.equals(i.kind()),
        i.createdAt(),
        i.owner(),
        i.ownedAt(),
        i.followedUpBy(),
        i.followedUpAt(),
        i.note(),
        requesterLocale,
        helpdesk,
        commentLanguage);
  }

  private static String requester(String name, String email, String personKey) {
    return name != null ? name : email != null ? email : personKey;
  }
}
