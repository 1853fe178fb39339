package dev.closeloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for reading a digest: its worst entries and how many there are in all, in one statement (one
 * snapshot, so the counts always cover the entries read). A digest shows at most a fixed number of
 * entries, the worst, so only those are read in full; the others are only counted. The candidates
 * are the incidents created in the window ("fresh") and those created before it and not followed up
 * ("still open"): two branches of a UNION ALL, so that each uses its own index ({@code
 * incidents_created}, {@code incidents_open}) where an OR would scan the table.
 *
 * <p>The statements are public, with {@code ?} parameters, so that the digest benchmark runs
 * exactly these statements over plain JDBC as its "raw SQL" baseline.
 */
public final class DigestQueries {
  /**
   * Lower is worse; must rank exactly as {@code DigestEntry.severity()} does: for a negative {@code
   * 2 × score + (fixed answered and not "true" ? 0 : 1)} (score 3 when unrated), for a request 100
   * more. {@code r} is the rating answer and {@code f} the fixed answer of incident {@code i}.
   */
  static final String SEVERITY =
      """
      CASE WHEN i.kind = 'negative' THEN 0 ELSE 100 END
          + 2 * COALESCE(CAST(r.answer AS INT), 3)
          + CASE WHEN f.answer IS NOT NULL AND LOWER(f.answer) <> 'true' THEN 0 ELSE 1 END""";

  private static final String CANDIDATES =
      """
        SELECT i.*, %1$s AS fresh, r.answer AS a_rating, f.answer AS a_fixed, %2$s AS severity,
               CASE WHEN i.kind <> 'negative' OR rq.answer IS NOT NULL THEN 1 ELSE 0 END AS asks
        FROM incidents i%3$s
        LEFT JOIN answers r ON r.survey_id = i.survey_id AND r.kind = 'rating'
        LEFT JOIN answers f ON f.survey_id = i.survey_id AND f.kind = 'fixed'
        LEFT JOIN answers rq ON rq.survey_id = i.survey_id AND rq.kind = 'request'
        WHERE %4$s""";

  private static final String FRESH = "i.created_at >= ? AND i.created_at < ?";
  private static final String STILL_OPEN = "i.followed_up_at IS NULL AND i.created_at < ?";
  private static final String OF_TEAM =
      "\n      JOIN surveys t ON t.id = i.survey_id AND t.team = ?";

  private static String worst(String teamJoin) {
    return """
        SELECT w.*, s.ticket_id, s.url, s.title, s.requester_name, s.requester_email, s.person_key, s.assignee, s.locale AS requester_locale,
               s.team, c.answer AS a_comment, c.lang AS a_comment_lang, q.answer AS a_request,
               wq.outcome AS wb_request, wq.result_id AS wb_request_id, wq.result_url AS wb_request_url,
               wr.outcome AS wb_reopen, wr.reason AS wb_reopen_reason
        FROM (
          SELECT e.*,
                 SUM(CASE WHEN e.fresh = 1 AND e.kind = 'negative' THEN 1 ELSE 0 END) OVER () AS n_fresh_negative,
                 SUM(CASE WHEN e.fresh = 1 AND e.kind <> 'negative' THEN 1 ELSE 0 END) OVER () AS n_fresh_request,
                 SUM(1 - e.fresh) OVER () AS n_still_open,
                 SUM(e.fresh * e.asks) OVER () AS n_new_request
          FROM (
        %s
            UNION ALL
        %s
          ) e
          ORDER BY e.severity, e.created_at, e.survey_id
          LIMIT ?
        ) w
        JOIN surveys s ON s.id = w.survey_id
        LEFT JOIN answers c ON c.survey_id = w.survey_id AND c.kind = 'comment'
        LEFT JOIN answers q ON q.survey_id = w.survey_id AND q.kind = 'request'
        LEFT JOIN write_backs wq ON wq.survey_id = w.survey_id AND wq.kind = 'request'
        LEFT JOIN write_backs wr ON wr.survey_id = w.survey_id AND wr.kind = 'reopen'
        ORDER BY w.severity, w.created_at, w.survey_id
        """
        .formatted(
            CANDIDATES.formatted("1", SEVERITY, teamJoin, FRESH),
            CANDIDATES.formatted("0", SEVERITY, teamJoin, STILL_OPEN));
  }

  /**
   * The worst entries over every team, worst first, each row with the totals of the whole candidate
   * set. Parameters: window start, window end, window start, limit. Columns: the incident's; {@code
   * fresh} (1 created in the window, 0 still open from before); {@code severity}; {@code
   * n_fresh_negative, n_fresh_request, n_still_open, n_new_request} (requests made in the window,
   * on negative replies too); the survey's {@code ticket_id, url, title, requester_name,
   * requester_email, person_key, assignee, team}; the answers {@code a_rating, a_fixed, a_comment,
   * a_comment_lang (the comment's language as found when it was stored: {@link AnswerRow#lang()}),
   * a_request}; what the helpdesk made of them {@code wb_request, wb_request_id, wb_request_url,
   * wb_reopen, wb_reopen_reason} (write_backs, null when none).
   */
  public static final String WORST = worst("");

  /** {@link #WORST} for one team. Parameters: team, start, end, team, start, limit. */
  public static final String WORST_OF_TEAM = worst(OF_TEAM);

  /** How many entries a digest covers, by section, the ones not read included. */
  public record Counts(int freshNegatives, int freshRequests, int stillOpen, int newRequests) {
    static Counts of(ResultSet rs) throws SQLException {
      return new Counts(
          rs.getInt("n_fresh_negative"),
          rs.getInt("n_fresh_request"),
          rs.getInt("n_still_open"),
          rs.getInt("n_new_request"));
    }
  }

  /** The worst entries, worst first, and the totals. */
  public record Worst<T>(List<T> entries, Counts counts) {}

  private final Handle h;

  public DigestQueries(Handle h) {
    this.h = h;
  }

  /**
   * The {@code limit} worst entries of the window [from, to) and of those still open from before
   * it, for one team or every team when null, each row mapped by {@code mapper}; with the totals.
   */
  public <T> Worst<T> worst(Instant from, Instant to, String team, int limit, RowMapper<T> mapper) {
    var q =
        team == null
            ? h.createQuery(WORST).bind(0, from).bind(1, to).bind(2, from).bind(3, limit)
            : h.createQuery(WORST_OF_TEAM)
                .bind(0, team)
                .bind(1, from)
                .bind(2, to)
                .bind(3, team)
                .bind(4, from)
                .bind(5, limit);
    Counts[] counts = {null};
    List<T> entries =
        q.map(
                (rs, ctx) -> {
                  if (counts[0] == null) {
                    counts[0] = Counts.of(rs); // the same on every row
                  }
                  return mapper.map(rs, ctx);
                })
            .list();
    return new Worst<>(entries, counts[0] == null ? new Counts(0, 0, 0, 0) : counts[0]);
  }
}
