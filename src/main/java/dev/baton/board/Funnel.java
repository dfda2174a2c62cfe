package dev.baton.board;

import dev.baton.reports.FunnelRecords.FunnelFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The funnel as a waterfall: handed off, qualified, accepted, converted, each as a bar as long as
 * its share of the cycles handed off, with the rate from the stage before and what left the funnel
 * beside it.
 */
record Funnel(List<Stage> stages, List<Leaving> leaving, List<String> amounts, boolean empty) {

  /**
   * One stage: its figure's name in the API (for the page's {@code data-figure}), count, bar, the
   * rate from the stage before, and the rejections that left the funnel from it.
   */
  record Stage(
      String label,
      String figure,
      String count,
      String rate,
      String rateLabel,
      int width,
      String leftLabel,
      String leftFigure,
      String left) {}

  /**
   * What left the funnel, or came back (rejections per accountable party, recycles, disputes), and
   * how long the stages took.
   */
  record Leaving(String label, String figure, String count) {}

  static Funnel of(FunnelFigures f) {
    long base = Math.max(f.handedOff(), 1);
    var from = f.rejections().byStage();
    List<Stage> stages = new ArrayList<>();
    stages.add(
        new Stage(
            "Handed off",
            "handedOff",
            Format.count(f.handedOff()),
            "",
            "",
            width(f.handedOff(), base),
            "rejected before qualification",
            "rejections.byStage.generated",
            Format.count(from.generated())));
    stages.add(
        new Stage(
            "Qualified",
            "reached.qualified",
            Format.count(f.reached().qualified()),
            "",
            "",
            width(f.reached().qualified(), base),
            "rejected by sales without accepting",
            "rejections.byStage.qualified",
            Format.count(from.qualified())));
    stages.add(
        new Stage(
            "Accepted by sales",
            "reached.accepted",
            Format.count(f.reached().accepted()),
            Format.percent(f.rates().qualifiedToAccepted()),
            "of qualified",
            width(f.reached().accepted(), base),
            "rejected after acceptance",
            "rejections.byStage.accepted",
            Format.count(from.accepted())));
    stages.add(
        new Stage(
            "Converted",
            "reached.converted",
            Format.count(f.reached().converted()),
            Format.percent(f.rates().acceptedToConverted()),
            "of accepted",
            width(f.reached().converted(), base),
            "",
            "",
            ""));
    var by = f.rejections().byAccountable();
    List<Leaving> leaving =
        new ArrayList<>(
            List.of(
                new Leaving(
                    "Rejected, in all", "reached.rejected", Format.count(f.reached().rejected())),
                new Leaving(
                    "… marketing accountable",
                    "rejections.byAccountable.marketing",
                    Format.count(by.marketing())),
                new Leaving(
                    "… sales accountable",
                    "rejections.byAccountable.sales",
                    Format.count(by.sales())),
                new Leaving(
                    "… nobody accountable",
                    "rejections.byAccountable.none",
                    Format.count(by.none())),
                new Leaving("Recycled to marketing", "recycles", Format.count(f.recycles())),
                new Leaving(
                    "Rejections disputed", "disputes.opened", Format.count(f.disputes().opened())),
                new Leaving(
                    "Rejections overturned",
                    "disputes.overturned",
                    Format.count(f.disputes().overturned()))));
    leaving.add(
        new Leaving(
            "Median time to accept", "medianHoursToAccept", Format.hours(f.medianHoursToAccept())));
    leaving.add(
        new Leaving(
            "Median time to convert",
            "medianHoursToConvert",
            Format.hours(f.medianHoursToConvert())));
    List<String> amounts = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> a : f.convertedAmounts().entrySet()) {
      amounts.add(Format.amount(a.getValue(), a.getKey()));
    }
    return new Funnel(stages, leaving, amounts, f.handedOff() == 0);
  }

  /** A bar's width in percent of the widest; a stage that is not empty stays visible. */
  private static int width(long n, long base) {
    return n == 0 ? 0 : (int) Math.max(1, Math.round(100.0 * n / base));
  }
}
