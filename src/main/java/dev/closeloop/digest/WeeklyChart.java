package dev.closeloop.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Renders the weekly trend (CSAT beside response rate) as a PNG with XChart. */
public final class WeeklyChart {
  /** One week's figures. */
  public record Point(String week, Figures figures) {}

  /** The words on the chart. */
  public record Labels(String title, String week, String csat, String responseRate) {
    static final Labels ENGLISH =
        new Labels(
            "CSAT and response rate by week", "Week", "CSAT (share of 4–5)", "Response rate");

    /** The chart's labels in the team's language. */
    public static Labels of(dev.closeloop.language.Words words) {
      return new Labels(
          words.t("chartTitle"),
          words.t("chartWeek"),
          words.t("chartCsat"),
          words.t("chartResponseRate"));
    }

    /** These labels if the chart's font can draw them (CJK needs a CJK font), else English. */
    Labels drawable(java.awt.Font font) {
      for (String s : List.of(title, week, csat, responseRate)) {
        if (font.canDisplayUpTo(s) >= 0) {
          return ENGLISH;
        }
      }
      return this;
    }
  }

  private WeeklyChart() {}

  public static byte[] render(List<Point> points) {
    return render(points, Labels.ENGLISH);
  }

  public static byte[] render(List<Point> points, Labels wanted) {
    System.setProperty("java.awt.headless", "true");
    CategoryChart probe = new CategoryChartBuilder().build();
    Labels labels = wanted.drawable(probe.getStyler().getChartTitleFont());
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(800)
            .height(400)
            .title(labels.title())
            .xAxisTitle(labels.week())
            .yAxisTitle("%")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    List<String> weeks = new ArrayList<>();
    List<Double> csat = new ArrayList<>();
    List<Double> response = new ArrayList<>();
    for (Point p : points) {
      weeks.add(p.week());
      csat.add(p.figures().csat() == null ? 0.0 : p.figures().csat() * 100);
      response.add(p.figures().responseRate() == null ? 0.0 : p.figures().responseRate() * 100);
    }
    chart.addSeries(labels.csat(), weeks, csat);
    chart.addSeries(labels.responseRate(), weeks, response);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
