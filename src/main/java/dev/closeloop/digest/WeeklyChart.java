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

  private WeeklyChart() {}

  public static byte[] render(List<Point> points) {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(800)
            .height(400)
            .title("CSAT and response rate by week")
            .xAxisTitle("Week")
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
    chart.addSeries("CSAT (share of 4–5)", weeks, csat);
    chart.addSeries("Response rate", weeks, response);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
