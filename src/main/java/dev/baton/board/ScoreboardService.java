package dev.baton.board;

import dev.baton.lead.LeadRepository;
import dev.baton.lead.LeadService;
import dev.baton.lead.LeadStatus;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.reason.RejectionReasonService;
import dev.baton.reports.Cohort;
import dev.baton.reports.FunnelMetricsService;
import dev.baton.reports.FunnelRecords.FunnelFigures;
import dev.baton.reports.FunnelRecords.GroupBy;
import dev.baton.reports.Period;
import dev.baton.reports.SlaReportRecords.SlaReport;
import dev.baton.reports.SlaReportService;
import dev.baton.sla.SlaState;
import dev.baton.web.QueryParams;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the scoreboard's form and gathers its figures from the services behind {@code GET
 * /api/v1/funnel} (with {@code groupBy=week} or {@code month}: the totals and the series in one
 * report) and {@code GET /api/v1/sla}, for the same period and filter.
 */
@ApplicationScoped
public class ScoreboardService {

  /** The period shown when none is asked for: twelve weeks up to today. */
  static final int DEFAULT_DAYS = 84;

  static final int LISTED = 20;
  private static final Set<String> FILTERS = Set.of("segment", "source", "campaign");

  private final FunnelMetricsService funnel;
  private final SlaReportService sla;
  private final RejectionReasonService reasons;
  private final LeadService leads;
  private final ExecutorService beside =
      Executors.newFixedThreadPool(
          2,
          work -> {
            Thread thread = new Thread(work, "baton-scoreboard");
            thread.setDaemon(true);
            return thread;
          });

  public ScoreboardService(
      FunnelMetricsService funnel,
      SlaReportService sla,
      RejectionReasonService reasons,
      LeadService leads) {
    this.funnel = funnel;
    this.sla = sla;
    this.reasons = reasons;
    this.leads = leads;
  }

  Scoreboard board(String from, String through, String only, String value, String by, Instant now) {
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    List<String> errors = new ArrayList<>();
    LocalDate last = day(through, today, "Last day", errors);
    LocalDate first = day(from, last.minusDays(DEFAULT_DAYS - 1), "First day", errors);
    String filter = only == null || only.isBlank() ? "" : only;
    String wanted = value == null ? "" : value.strip();
    if (!filter.isEmpty() && !FILTERS.contains(filter)) {
      errors.add("Show only: choose a segment, a source or a campaign.");
      filter = "";
    }
    if (!filter.isEmpty() && wanted.isEmpty()) {
      errors.add("Show only: write the " + filter + " to show.");
    }
    boolean months = "month".equals(by);
    Scoreboard.Filters filters =
        new Scoreboard.Filters(
            first.toString(), last.toString(), filter, wanted, months ? "month" : "week", errors);
    if (errors.isEmpty() && first.isAfter(last)) {
      errors.add("First day: must be on or before the last day.");
    }
    if (!errors.isEmpty()) {
      return Scoreboard.empty(filters);
    }
    QueryParams params = new QueryParams();
    String to = last.plusDays(1).toString();
    Period period = Period.of(params, first.toString(), to, now);
    Cohort cohort =
        Cohort.of(
            params,
            filter.equals("segment") ? wanted : null,
            filter.equals("source") ? wanted : null,
            filter.equals("campaign") ? wanted : null);
    try {
      params.validate();
    } catch (ProblemException e) {
      for (FieldError error : e.toProblem(null).errors) {
        errors.add(error.field() + ": " + error.message());
      }
      return Scoreboard.empty(filters);
    }
    List<FunnelFigures> figures =
        funnel.figures(period, cohort, months ? GroupBy.month : GroupBy.week, false);
    FunnelFigures totals = figures.get(0);
    SlaReport report = sla.report(period, cohort, now);
    List<LeadRow> overdue = waiting(cohort, SlaState.BREACHED, now);
    List<LeadRow> waiting = waiting(cohort, null, now);
    String apiQuery =
        "from="
            + first
            + "&to="
            + to
            + (filter.isEmpty() ? "" : "&" + filter + "=" + encode(wanted));
    return new Scoreboard(
        filters,
        Format.day(first) + " to " + Format.day(last),
        apiQuery,
        Funnel.of(totals),
        Trend.of(figures.subList(1, figures.size()), months),
        Rejections.of(totals, reasons.list(null)),
        Scorecard.of(report),
        overdue.size() > LISTED ? overdue.subList(0, LISTED) : overdue,
        waiting.size() > LISTED ? waiting.subList(0, LISTED) : waiting,
        waiting.size() > LISTED);
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @PreDestroy
  void stop() {
    beside.shutdown();
  }

  /** The leads waiting for sales now (oldest first), or only those past their deadline. */
  private List<LeadRow> waiting(Cohort cohort, SlaState state, Instant now) {
    var filter =
        new LeadRepository.Filter(
            LeadStatus.QUALIFIED,
            cohort.source(),
            cohort.campaign(),
            cohort.segment(),
            null,
            null,
            state,
            null);
    return leads.list(filter, null, LISTED + 1).data().stream()
        .map(lead -> LeadRow.of(lead, now))
        .toList();
  }

  private static LocalDate day(
      String text, LocalDate otherwise, String label, List<String> errors) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(label + ": must be a date like 2026-07-01.");
      return otherwise;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
