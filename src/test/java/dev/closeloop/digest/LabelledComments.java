package dev.closeloop.digest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The labelled survey replies under src/test/resources/sentiment, one CSV row each. */
record LabelledComments(String text, String label, String lang) {

  boolean negative() {
    return label.equals("negative");
  }

  static List<LabelledComments> load(String name) {
    String resource = "/sentiment/" + name;
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (InputStream in = LabelledComments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      MappingIterator<LabelledComments> rows =
          new CsvMapper().readerFor(LabelledComments.class).with(schema).readValues(in);
      List<LabelledComments> all = rows.readAll();
      for (LabelledComments row : all) {
        if (!row.label.equals("negative") && !row.label.equals("ok")) {
          throw new IllegalStateException(resource + ": label must be negative or ok: " + row);
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }
}
