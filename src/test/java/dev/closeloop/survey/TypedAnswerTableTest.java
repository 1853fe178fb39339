package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.survey.usecase.Conversations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed replies in six languages as people type them (typos, casing, punctuation, emoji, a trailing
 * "thanks"), each read against the question that is open: parser and flow together, pure. The table
 * is {@code survey/typed-answers.tsv}.
 */
class TypedAnswerTableTest {
  private static final SurveyFlow FLOW = new SurveyFlow(2);

  record Row(String language, int line, String question, String reply, String reading) {
    @Override
    public String toString() {
      return language + " " + question + ": \"" + reply + "\" → " + reading;
    }
  }

  static List<Row> rows() throws IOException {
    return rows("/survey/typed-answers.tsv");
  }

  /** The rows of a table in this file's format, each with its language and line. */
  static List<Row> rows(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = TypedAnswerTableTest.class.getResourceAsStream(resource)) {
      String language = "?";
      int n = 0;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        n++;
        if (line.startsWith("# ---- ")) {
          language = line.substring(7).strip();
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != 3) {
          throw new IllegalStateException("line " + n + " needs 3 tab-separated cells: " + line);
        }
        // a reply typed over several lines: backslash-n in the cell is the line break
        rows.add(new Row(language, n, cells[0], cells[1].replace("\\n", "\n"), cells[2]));
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void readsTheReplyAgainstTheOpenQuestion(Row row) {
    assertThat(read(row.question(), row.reply()))
        .as("line %d: %s", row.line(), row)
        .isEqualTo(row.reading());
    if (row.question().equals("ended")) {
      return;
    }
    Transition t = transition(row.question(), row.reply());
    t.recorded().stream()
        .filter(a -> a.kind() == AnswerKind.COMMENT || a.kind() == AnswerKind.REQUEST)
        .forEach(
            a ->
                assertThat(row.reply())
                    .as("a comment or request is the person's own words")
                    .contains(a.value()));
  }

  @Test
  @DisplayName("at least 300 replies, at least 40 in each of the six languages")
  void tableCoversSixLanguages() throws IOException {
    Map<String, Long> perLanguage =
        rows().stream()
            .collect(
                Collectors.groupingBy(Row::language, LinkedHashMap::new, Collectors.counting()));
    assertThat(perLanguage.keySet())
        .containsExactly("English", "German", "French", "Spanish", "Portuguese", "Japanese");
    assertThat(perLanguage.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(40));
    assertThat(perLanguage.values().stream().mapToLong(Long::longValue).sum())
        .isGreaterThanOrEqualTo(300);
    Set<String> questions = rows().stream().map(Row::question).collect(Collectors.toSet());
    assertThat(questions)
        .containsExactlyInAnyOrder(
            "fixed", "rating", "comment", "else", "else-sending", "request", "reopen", "ended");
  }

  /** How {@code reply} typed while {@code question} is open is read, in the table's words. */
  static String read(String question, String reply) {
    if (question.equals("ended")) {
      // nothing open: the reply outside a survey
      return switch (Conversations.replyOutsideASurvey(AnswerParser.parse(reply))) {
        case "optedOut" -> "stop";
        case "optedIn" -> "optin";
        case "welcome", "goodbye" -> "welcome";
        default -> "noopen";
      };
    }
    Transition t = transition(question, reply);
    if (question.equals("reopen") && !t.optOut()) {
      boolean comment = t.recorded().stream().anyMatch(a -> a.kind() == AnswerKind.COMMENT);
      if (t.reopen() != null) {
        return "reopen:" + (t.reopen() ? "yes" : "no") + (comment ? "+comment" : "");
      } else if (t.say().equals(List.of(Say.REOPEN_UNCLEAR))) {
        return "unclear";
      }
    }
    return reading(t);
  }

  private static Transition transition(String question, String reply) {
    SurveyInput typed =
        new SurveyInput.Typed(AnswerParser.parse(reply), !question.equals("else-sending"));
    return FLOW.apply(
        state(question), typed, question.equals("reopen") ? ReopenMode.ASK : ReopenMode.NEVER);
  }

  private static Conversation state(String question) {
    return switch (question) {
      case "fixed" -> Conversation.start();
      case "rating" -> new Conversation(Step.OPEN, true, null, null, null, null);
      case "comment" -> new Conversation(Step.AWAIT_COMMENT, false, 2, null, null, null);
      case "else", "else-sending" ->
          new Conversation(Step.AWAIT_ANYTHING_ELSE, true, 5, null, null, null);
      case "request" -> new Conversation(Step.AWAIT_REQUEST, true, 5, null, true, null);
      case "reopen" -> new Conversation(Step.AWAIT_REOPEN, false, null, null, null, null);
      default -> throw new IllegalArgumentException("unknown question " + question);
    };
  }

  /** What a transition did, in the table's words. */
  static String reading(Transition t) {
    Map<AnswerKind, String> recorded = new LinkedHashMap<>();
    t.recorded().forEach(a -> recorded.put(a.kind(), a.value()));
    if (t.optOut()) {
      // "no more surveys please, the printer still jams": the opt-out, the words kept
      return recorded.containsKey(AnswerKind.COMMENT) ? "stop+comment" : "stop";
    }
    // answers that also said there is nothing else ("yes, 5, nothing else"): the survey ended
    String comment =
        (recorded.containsKey(AnswerKind.COMMENT) ? "+comment" : "")
            + ((recorded.containsKey(AnswerKind.FIXED) || recorded.containsKey(AnswerKind.RATING))
                    && t.next().finished()
                ? "+done"
                : "");
    if (recorded.containsKey(AnswerKind.FIXED)) {
      String rating =
          recorded.containsKey(AnswerKind.RATING)
              ? "+rating:" + recorded.get(AnswerKind.RATING)
              : "";
      return "fixed:"
          + ("true".equals(recorded.get(AnswerKind.FIXED)) ? "yes" : "no")
          + rating
          + comment;
    }
    if (recorded.containsKey(AnswerKind.RATING)) {
      return "rating:" + recorded.get(AnswerKind.RATING) + comment;
    }
    if (recorded.containsKey(AnswerKind.REQUEST)) {
      return "request";
    }
    if (recorded.containsKey(AnswerKind.COMMENT)) {
      return "comment";
    }
    if (t.say().contains(Say.REQUEST_PROMPT)) {
      return "else:yes";
    }
    if (t.next().finished() && Boolean.FALSE.equals(t.next().wantsMore())) {
      return "else:no";
    }
    if (t.say().equals(List.of(Say.ANYTHING_ELSE))) {
      return "skip";
    }
    if (t.say().equals(List.of(Say.NOT_UNDERSTOOD))
        || t.say().equals(List.of(Say.ELSE_NOT_UNDERSTOOD))
        || t.say().equals(List.of(Say.NOT_SURE_YET))) {
      return "unclear";
    }
    if (t.say().equals(List.of(Say.ALREADY_ANSWERED))) {
      return "already";
    }
    return "?" + t.say() + Stream.of(t.next().step()).toList();
  }
}
