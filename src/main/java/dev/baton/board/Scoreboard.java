package dev.baton.board;

import dev.baton.reports.FunnelRecords.FunnelFigures;
import dev.baton.reports.SlaReportRecords.SlaReport;
import java.util.List;

/**
 * Everything the scoreboard shows for one period and filter: the form as the reader filled it in,
 * and the figures, drawn from one funnel report (totals and the series) and one SLA report.
 */
record Scoreboard(
    Filters filters,
    String period,
    String apiQuery,
    Funnel funnel,
    Trend trend,
    Rejections rejections,
    Scorecard scorecard,
    List<LeadRow> overdue,
    List<LeadRow> waiting,
    boolean moreWaiting) {

  /**
   * The form: first and last day of the period (both included), one optional filter, the time
   * grouping, and what was wrong with them, if anything.
   */
  record Filters(
      String from, String through, String only, String value, String by, List<String> errors) {

    public boolean segment() {
      return "segment".equals(only);
    }

    public boolean source() {
      return "source".equals(only);
    }

    public boolean campaign() {
      return "campaign".equals(only);
    }

    public boolean monthly() {
      return "month".equals(by);
    }

    public boolean hasErrors() {
      return !errors.isEmpty();
    }
  }

  static Scoreboard empty(Filters filters) {
    return new Scoreboard(filters, "", "", null, null, null, null, List.of(), List.of(), false);
  }

  static boolean nothingHandedOff(FunnelFigures totals, SlaReport sla) {
    return totals.handedOff() == 0 && sla.marketing().qualifiedDelivered() == 0;
  }
}
