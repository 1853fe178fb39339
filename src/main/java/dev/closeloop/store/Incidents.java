package dev.closeloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code incidents}. */
public final class Incidents {
  private final Handle h;

  public Incidents(Handle h) {
    this.h = h;
  }

  /** Opens an incident for a survey, or upgrades a request to a negative; true when new. */
  public boolean open(long surveyId, String kind, Instant now) {
    Optional<IncidentRow> existing = find(surveyId);
    if (existing.isPresent()) {
      if (IncidentRow.NEGATIVE.equals(kind)
          && !IncidentRow.NEGATIVE.equals(existing.get().kind())) {
        h.createUpdate("UPDATE incidents SET kind = :k WHERE survey_id = :s")
            .bind("k", kind)
            .bind("s", surveyId)
            .execute();
      }
      return false;
    }
    h.createUpdate("INSERT INTO incidents (survey_id, created_at, kind) VALUES (:s, :now, :k)")
        .bind("s", surveyId)
        .bind("now", now)
        .bind("k", kind)
        .execute();
    return true;
  }

  public Optional<IncidentRow> find(long surveyId) {
    return h.createQuery("SELECT * FROM incidents WHERE survey_id = :s")
        .bind("s", surveyId)
        .mapTo(IncidentRow.class)
        .findOne();
  }

  /** Records the owner unless someone owns it already; true when this call took it. */
  public boolean take(long surveyId, String owner, String ownerRef, Instant now) {
    return h.createUpdate(
                """
            UPDATE incidents SET owner = :o, owner_ref = :ref, owned_at = :now
            WHERE survey_id = :s AND owner IS NULL
            """)
            .bind("s", surveyId)
            .bind("o", owner)
            .bind("ref", ownerRef)
            .bind("now", now)
            .execute()
        == 1;
  }

  /** Marks it followed up (once); true when this call did. */
  public boolean followUp(long surveyId, String by, String note, Instant now) {
    return h.createUpdate(
                """
            UPDATE incidents SET followed_up_by = :by, followed_up_at = :now, note = COALESCE(:note, note),
              owner = COALESCE(owner, :by), owned_at = COALESCE(owned_at, :now)
            WHERE survey_id = :s AND followed_up_at IS NULL
            """)
            .bind("s", surveyId)
            .bind("by", by)
            .bind("note", note)
            .bind("now", now)
            .execute()
        == 1;
  }

  public void markOwnerReminded(long surveyId, Instant now) {
    h.createUpdate("UPDATE incidents SET owner_reminded_at = :now WHERE survey_id = :s")
        .bind("s", surveyId)
        .bind("now", now)
        .execute();
  }

  public void markAlerted(long surveyId) {
    h.createUpdate("UPDATE incidents SET alerted = TRUE WHERE survey_id = :s")
        .bind("s", surveyId)
        .execute();
  }

  /**
   * Up to {@code limit} incidents (open ones, or all), oldest first, after the one created at
   * {@code afterAt} for survey {@code afterSurveyId} (from the first when {@code afterAt} is null).
   */
  public List<IncidentRow> page(boolean all, Instant afterAt, long afterSurveyId, int limit) {
    return h.createQuery(
            """
            SELECT * FROM incidents WHERE (:all OR followed_up_at IS NULL)
              AND (:first OR created_at > :at OR (created_at = :at AND survey_id > :id))
            ORDER BY created_at, survey_id LIMIT :limit
            """)
        .bind("all", all)
        .bind("first", afterAt == null)
        .bind("at", afterAt == null ? Instant.EPOCH : afterAt)
        .bind("id", afterSurveyId)
        .bind("limit", limit)
        .mapTo(IncidentRow.class)
        .list();
  }

  public List<IncidentRow> forSurveys(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery("SELECT * FROM incidents WHERE survey_id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .mapTo(IncidentRow.class)
        .list();
  }

  /** Open incidents with an owner, owned before {@code ownedBefore}, not reminded since. */
  /**
   * Open incidents owned before {@code :t} whose owner was not reminded since, oldest first, at
   * most {@code limit}. On {@code incidents_owned}, from {@code :epoch}: the range skips every
   * incident nobody owns (H2 sorts their null {@code owned_at} first), which the job would
   * otherwise read every few seconds.
   */
  static final String OWNED_AND_STALE =
      """
      SELECT * FROM incidents WHERE followed_up_at IS NULL
        AND owned_at >= :epoch AND owned_at <= :t AND owner IS NOT NULL
        AND (owner_reminded_at IS NULL OR owner_reminded_at <= :t)
      ORDER BY owned_at, survey_id LIMIT :limit
      """;

  /** One owner's incidents that {@link #ownedAndStale} would return by {@code ownedBefore}. */
  public List<IncidentRow> ownedByAndStale(String ownerRef, Instant ownedBefore, int limit) {
    return h.createQuery(
            """
            SELECT * FROM incidents WHERE followed_up_at IS NULL
              AND owned_at >= :epoch AND owned_at <= :t AND owner_ref = :o
              AND (owner_reminded_at IS NULL OR owner_reminded_at <= :t)
            ORDER BY owned_at, survey_id LIMIT :limit
            """)
        .bind("epoch", Instant.EPOCH)
        .bind("t", ownedBefore)
        .bind("o", ownerRef)
        .bind("limit", limit)
        .mapTo(IncidentRow.class)
        .list();
  }

  public List<IncidentRow> ownedAndStale(Instant ownedBefore, int limit) {
    return h.createQuery(OWNED_AND_STALE)
        .bind("epoch", Instant.EPOCH)
        .bind("t", ownedBefore)
        .bind("limit", limit)
        .mapTo(IncidentRow.class)
        .list();
  }
}
