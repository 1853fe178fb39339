package dev.closeloop.service;

import dev.closeloop.digest.DigestEntry;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Incidents joined with their survey and answers, as the digest and the admin API show them. */
public final class IncidentViews {
  private IncidentViews() {}

  static List<DigestEntry> entries(Handle h, List<IncidentRow> incidents) {
    if (incidents.isEmpty()) {
      return List.of();
    }
    List<Long> ids = incidents.stream().map(IncidentRow::surveyId).toList();
    Map<Long, List<AnswerRow>> answers = new Answers(h).forSurveys(ids).stream()
        .collect(Collectors.groupingBy(AnswerRow::surveyId));
    Map<Long, SurveyRow> surveys = new Surveys(h).byIds(ids).stream()
        .collect(Collectors.toMap(SurveyRow::id, s -> s));
    List<DigestEntry> out = new ArrayList<>();
    for (IncidentRow i : incidents) {
      SurveyRow s = surveys.get(i.surveyId());
      if (s == null) {
        continue;
      }
      out.add(entry(s, i, answers.getOrDefault(s.id(), List.of())));
    }
    return out;
  }

  public static DigestEntry entry(SurveyRow s, IncidentRow i, List<AnswerRow> answers) {
    AnswerSet a = AnswerSet.of(answers);
    String requester = s.requesterName() != null ? s.requesterName()
        : s.requesterEmail() != null ? s.requesterEmail() : s.personKey();
    return new DigestEntry(s.id(), s.ticketId(), s.url(), s.title(), requester, s.assignee(), s.team(), a.rating(),
        a.fixed(), a.comment(), a.request(), IncidentRow.NEGATIVE.equals(i.kind()), i.createdAt(), i.owner(), i.ownedAt(),
        i.followedUpBy(), i.followedUpAt(), i.note());
  }
}
