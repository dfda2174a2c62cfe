package dev.baton.board;

import dev.baton.reports.FunnelRecords.FunnelFigures;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The funnel week by week (or month by month), from the API's {@code groupBy=week|month}: a table
 * with every figure, and a line chart drawn as SVG in which each series has its own colour, dash
 * and marker, so that it reads without telling colours apart.
 */
record Trend(
    String unit, List<Row> rows, List<Series> series, List<Tick> ticks, List<Label> labels) {

  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  private static final int LEFT = 48;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 36;
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  /** One week or month: the API's key (its first day), and its figures as the page writes them. */
  record Row(
      String key,
      String label,
      String handedOff,
      String qualified,
      String accepted,
      String converted,
      String rejected,
      String acceptance) {}

  /** One line: its name, its look, and its points as SVG coordinates. */
  record Series(String name, String css, String points, List<Point> markers) {}

  record Point(int x, int y, String title) {}

  record Tick(int y, String label) {}

  record Label(int x, String text) {}

  /** The unit as a column's title. */
  public String title() {
    return unit.equals("month") ? "Month" : "Week";
  }

  static Trend of(List<FunnelFigures> groups, boolean months) {
    List<Row> rows = new ArrayList<>();
    for (FunnelFigures g : groups) {
      LocalDate day = LocalDate.parse(g.key());
      rows.add(
          new Row(
              g.key(),
              months ? MONTH.format(day) : "Week of " + Format.day(day),
              Format.count(g.handedOff()),
              Format.count(g.reached().qualified()),
              Format.count(g.reached().accepted()),
              Format.count(g.reached().converted()),
              Format.count(g.reached().rejected()),
              Format.percent(g.rates().qualifiedToAccepted())));
    }
    long max = 1;
    for (FunnelFigures g : groups) {
      max = Math.max(max, g.handedOff());
    }
    long top = niceCeiling(max);
    List<Series> series = new ArrayList<>();
    series.add(series("Handed off", "s1", groups, FunnelFigures::handedOff, top));
    series.add(series("Qualified", "s2", groups, g -> g.reached().qualified(), top));
    series.add(series("Accepted", "s3", groups, g -> g.reached().accepted(), top));
    series.add(series("Converted", "s4", groups, g -> g.reached().converted(), top));
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      long value = top * i / 4;
      ticks.add(new Tick(y(value, top), Format.count(value)));
    }
    List<Label> labels = new ArrayList<>();
    int every = Math.max(1, (groups.size() + 7) / 8);
    for (int i = 0; i < groups.size(); i += every) {
      LocalDate day = LocalDate.parse(groups.get(i).key());
      labels.add(new Label(x(i, groups.size()), months ? MONTH.format(day) : SHORT.format(day)));
    }
    return new Trend(months ? "month" : "week", rows, series, ticks, labels);
  }

  private static Series series(
      String name,
      String css,
      List<FunnelFigures> groups,
      ToLongFunction<FunnelFigures> value,
      long top) {
    StringBuilder points = new StringBuilder();
    List<Point> markers = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      long v = value.applyAsLong(groups.get(i));
      int x = x(i, groups.size());
      int y = y(v, top);
      points.append(x).append(',').append(y).append(' ');
      markers.add(new Point(x, y, name + ": " + Format.count(v)));
    }
    return new Series(name, css, points.toString().strip(), markers);
  }

  private static int x(int i, int n) {
    int span = WIDTH - LEFT - RIGHT;
    return n <= 1 ? LEFT + span / 2 : LEFT + (int) Math.round((double) span * i / (n - 1));
  }

  private static int y(long value, long top) {
    int span = HEIGHT - TOP - BOTTOM;
    return TOP + span - (int) Math.round((double) span * value / top);
  }

  /** The axis' top: four steps of 1, 2 or 5 times a power of ten, reaching at least n. */
  static long niceCeiling(long n) {
    long power = 1;
    while (true) {
      for (long step : new long[] {1, 2, 5}) {
        if (4 * step * power >= n) {
          return 4 * step * power;
        }
      }
      power *= 10;
    }
  }
}
