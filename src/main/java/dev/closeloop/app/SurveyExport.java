package dev.closeloop.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Streams the export (CSV or JSON) with constant memory: surveys are read a page at a time by id
 * (keyset), each page's answers and incidents in one query each, and written out before the next
 * page is read. Sandbox demo data is left out.
 */
final class SurveyExport {
  static final int PAGE = 500;

  private static final List<String> COLUMNS =
      List.of(
          "surveyId",
          "source",
          "ticketId",
          "email",
          "name",
          "platform",
          "state",
          "reason",
          "sentAt",
          "answeredAt",
          "fixed",
          "rating",
          "comment",
          "request");

  private final Jdbi jdbi;
  private final AdminOps views;

  SurveyExport(Jdbi jdbi, AdminOps views) {
    this.jdbi = jdbi;
    this.views = views;
  }

  /** Writes everything, or everything about {@code user}, as {@code csv} or {@code json}. */
  void write(String format, String user, Writer out) throws IOException {
    if ("json".equals(format)) {
      json(user, out);
    } else {
      csv(user, out);
    }
    out.flush();
  }

  /** A page read: its surveys as the admin API shows them, the last id read, and if it was full. */
  private record Batch(List<Map<String, Object>> surveys, long lastId, boolean full) {}

  private Batch page(String user, long afterId) {
    return jdbi.withHandle(
        h -> {
          Surveys surveys = new Surveys(h);
          List<SurveyRow> rows =
              user == null
                  ? surveys.exportPage(afterId, PAGE)
                  : surveys.ofPerson(user, afterId, PAGE);
          long last = rows.isEmpty() ? afterId : rows.get(rows.size() - 1).id();
          List<SurveyRow> kept = rows.stream().filter(s -> !"sandbox".equals(s.source())).toList();
          return new Batch(views.views(h, kept), last, rows.size() == PAGE);
        });
  }

  private interface Sink {
    void accept(Map<String, Object> survey) throws IOException;
  }

  /** Feeds every survey to {@code sink}, page by page. */
  private void each(String user, Sink sink) throws IOException {
    Batch batch = new Batch(List.of(), 0, true);
    while (batch.full()) {
      batch = page(user, batch.lastId());
      for (Map<String, Object> s : batch.surveys()) {
        sink.accept(s);
      }
    }
  }

  private void json(String user, Writer out) throws IOException {
    ObjectWriter writer =
        Json.MAPPER
            .writerWithDefaultPrettyPrinter()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeArrayFieldStart("surveys");
      each(user, s -> writer.writeValue(g, s));
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private void csv(String user, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder();
    COLUMNS.forEach(schema::addColumn);
    try (SequenceWriter w =
        new CsvMapper()
            .writer(schema.build().withHeader())
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .writeValues(new NonClosing(out))) {
      each(user, s -> w.write(flat(s)));
    }
  }

  /** One CSV row: the survey's fields, then its answers by kind. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> flat(Map<String, Object> s) {
    Map<String, Object> flat = new LinkedHashMap<>();
    Map<String, Object> r = (Map<String, Object>) s.get("requester");
    flat.put("surveyId", s.get("id"));
    flat.put("source", s.get("source"));
    flat.put("ticketId", s.get("ticketId"));
    flat.put("email", r.get("email"));
    flat.put("name", r.get("name"));
    flat.put("platform", s.get("platform"));
    flat.put("state", s.get("state"));
    flat.put("reason", s.get("reason"));
    flat.put("sentAt", str(s.get("sentAt")));
    flat.put("answeredAt", str(s.get("answeredAt")));
    for (Map<String, Object> a : (List<Map<String, Object>>) s.get("answers")) {
      flat.put(String.valueOf(a.get("kind")), str(a.get("value")));
    }
    for (String k : List.of("fixed", "rating", "comment", "request")) {
      flat.putIfAbsent(k, "");
    }
    flat.replaceAll((k, v) -> spreadsheetSafe(v));
    return flat;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  /** The caller's writer stays open (stdout, the HTTP response). */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /**
   * A CSV cell a spreadsheet will not run: text starting with {@code = + - @}, tab, CR or LF (a
   * formula or DDE trigger in Excel, LibreOffice and Sheets) gets a leading apostrophe; so does
   * text whose first sign after spaces and invisible characters (zero-width space, byte-order mark,
   * soft hyphen: Unicode format characters) is one of them (LibreOffice can trim spaces on import),
   * or their full-width forms ({@code ＝ ＋ － ＠}).
   */
  static Object spreadsheetSafe(Object value) {
    if (!(value instanceof String s) || s.isEmpty()) {
      return value;
    }
    if ("\t\r\n".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    int i = 0;
    while (i < s.length()
        && (Character.isWhitespace(s.charAt(i))
            || Character.isSpaceChar(s.charAt(i))
            || Character.getType(s.charAt(i)) == Character.FORMAT)) {
      i++;
    }
    if (i < s.length() && "=+-@\uff1d\uff0b\uff0d\uff20".indexOf(s.charAt(i)) >= 0) {
      return "'" + s;
    }
    return value;
  }
}
