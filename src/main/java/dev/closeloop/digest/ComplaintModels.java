package dev.closeloop.digest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@link ComplaintModel} per language, trained on the labelled comments bundled in {@code
 * sentiment/tuning/<lang>.csv} ({@code text,label,lang}; label {@code negative} or {@code ok}) and
 * on nothing else. Training is deterministic and takes a fraction of a second; {@link #bundled()}
 * does it once, on first use. Immutable and thread-safe.
 */
final class ComplaintModels {
  /** One bundled labelled comment. */
  record Labelled(String text, String label, String lang) {
    boolean negative() {
      return label.equals("negative");
    }
  }

  private final Map<String, ComplaintModel> byLanguage;

  private ComplaintModels(Map<String, ComplaintModel> byLanguage) {
    this.byLanguage = Map.copyOf(byLanguage);
  }

  /** The models trained on the bundled tuning comments, trained once on first use. */
  static ComplaintModels bundled() {
    return Bundled.MODELS;
  }

  /** The model of one of {@link CommentLanguage#LANGUAGES}. */
  ComplaintModel of(String language) {
    ComplaintModel model = byLanguage.get(language);
    if (model == null) {
      throw new IllegalArgumentException("no model for " + language);
    }
    return model;
  }

  /** The bytes the models' weights take on the heap. */
  long heapBytes() {
    return byLanguage.values().stream().mapToLong(ComplaintModel::heapBytes).sum();
  }

  static ComplaintModels train(ComplaintModel.Settings settings) {
    Map<String, ComplaintModel> models = new LinkedHashMap<>();
    for (String language : CommentLanguage.LANGUAGES) {
      CommentFeatures features = CommentFeatures.of(RuleFile.load(language));
      models.put(language, ComplaintModel.train(features, examples(features, language), settings));
    }
    return new ComplaintModels(models);
  }

  /** The bundled tuning comments of a language, as features. */
  static List<ComplaintModel.Example> examples(CommentFeatures features, String language) {
    List<ComplaintModel.Example> examples = new ArrayList<>();
    for (Labelled row : tuning(language)) {
      String plain = CommentText.plain(row.text()).toLowerCase(Locale.ROOT);
      examples.add(new ComplaintModel.Example(features.of(plain), row.negative()));
    }
    return examples;
  }

  /** The bundled tuning comments of a language, in file order. */
  static List<Labelled> tuning(String language) {
    String resource = "sentiment/tuning/" + language + ".csv";
    try (InputStream in = ComplaintModels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      MappingIterator<Labelled> rows =
          new CsvMapper()
              .readerFor(Labelled.class)
              .with(CsvSchema.emptySchema().withHeader())
              .readValues(in);
      List<Labelled> all = rows.readAll();
      for (Labelled row : all) {
        if (!row.label().equals("negative") && !row.label().equals("ok")
            || !row.lang().equals(language)) {
          throw new IllegalStateException(resource + ": bad label or language: " + row);
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  /** Trained on first use (class initialisation is thread-safe and happens once). */
  private static final class Bundled {
    static final ComplaintModels MODELS = train(ComplaintModel.Settings.STANDARD);
  }
}
