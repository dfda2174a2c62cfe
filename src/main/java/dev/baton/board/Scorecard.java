package dev.baton.board;

import dev.baton.reports.SlaReportRecords.MarketingSide;
import dev.baton.reports.SlaReportRecords.SalesSide;
import dev.baton.reports.SlaReportRecords.SlaReport;
import java.util.List;

/**
 * The two-sided SLA scorecard: marketing's delivered volume and acceptance rate against its
 * commitments, beside sales's answers in time, its hours to answer and its breaches. A verdict is
 * written in words and marked with a sign, never told by colour alone.
 */
record Scorecard(List<Line> marketing, List<Line> sales) {

  /**
   * One line: its label, its figure's name in the API (under {@code marketing.} or {@code sales.}),
   * the value with its unit, the commitment if there is one, and the verdict.
   */
  record Line(String label, String figure, String value, String target, Verdict verdict) {}

  /** Met or missed, with the words and the sign that say it; none without a commitment. */
  enum Verdict {
    MET("✓", "met"),
    MISSED("✗", "missed"),
    NONE("", "");

    final String sign;
    final String words;

    Verdict(String sign, String words) {
      this.sign = sign;
      this.words = words;
    }

    public String sign() {
      return sign;
    }

    public String words() {
      return words;
    }

    public boolean judged() {
      return this != NONE;
    }

    static Verdict of(Boolean met) {
      return met == null ? NONE : met ? MET : MISSED;
    }
  }

  static Scorecard of(SlaReport report) {
    MarketingSide m = report.marketing();
    SalesSide s = report.sales();
    List<Line> marketing =
        List.of(
            new Line(
                "Qualified leads delivered",
                "marketing.qualifiedDelivered",
                Format.count(m.qualifiedDelivered()),
                m.qualifiedCommitment() == null
                    ? ""
                    : "commitment " + Format.count(m.qualifiedCommitment()),
                Verdict.of(m.volumeMet())),
            new Line(
                "Answered by sales",
                "marketing.answered",
                Format.count(m.answered()),
                "",
                Verdict.NONE),
            new Line(
                "Accepted by sales",
                "marketing.accepted",
                Format.count(m.accepted()),
                "",
                Verdict.NONE),
            new Line(
                "Acceptance rate",
                "marketing.acceptanceRate",
                Format.percent(m.acceptanceRate()),
                m.acceptanceRateTarget() == null
                    ? ""
                    : "target " + Format.percent(m.acceptanceRateTarget()),
                Verdict.of(m.acceptanceRateMet())),
            new Line(
                "Rejections marketing is accountable for",
                "marketing.rejectionsAccountableToMarketing",
                Format.count(m.rejectionsAccountableToMarketing()),
                "",
                Verdict.NONE));
    List<Line> sales =
        List.of(
            new Line("Answers due", "sales.due", Format.count(s.due()), "", Verdict.NONE),
            new Line(
                "Answered in time",
                "sales.answeredWithinSla",
                Format.count(s.answeredWithinSla()),
                "",
                Verdict.NONE),
            new Line(
                "Share answered in time",
                "sales.shareWithinSla",
                Format.percent(s.shareWithinSla()),
                "",
                Verdict.NONE),
            new Line(
                "Median time to answer",
                "sales.medianHoursToDecision",
                Format.hours(s.medianHoursToDecision()),
                "",
                Verdict.NONE),
            new Line(
                "90th percentile time to answer",
                "sales.p90HoursToDecision",
                Format.hours(s.p90HoursToDecision()),
                "",
                Verdict.NONE),
            new Line(
                "SLA breaches", "sales.breaches", Format.count(s.breaches()), "", Verdict.NONE),
            new Line(
                "Waiting for sales now",
                "sales.waitingNow",
                Format.count(s.waitingNow()),
                "",
                Verdict.NONE),
            new Line(
                "Of those, overdue now",
                "sales.overdueNow",
                Format.count(s.overdueNow()),
                "",
                Verdict.NONE));
    return new Scorecard(marketing, sales);
  }
}
