package dev.baton.reports;

import dev.baton.db.BatonClock;
import dev.baton.reports.SlaReportRecords.SlaReport;
import dev.baton.web.ErrorResponses;
import dev.baton.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class SlaReportResource {

  static final String SEMANTICS =
      "The cohort is the **cycles first qualified in [from, to)** (handed off as QUALIFIED, or"
          + " qualified later; a recycled lead qualified again is a new cycle). Marketing's side"
          + " compares what it delivered with the policy's commitments (the monthly volume"
          + " prorated to the period) and counts the standing rejections whose reason makes"
          + " marketing accountable. Sales's side measures the acceptance clocks of those cycles"
          + " (a clock restarted by an overturned rejection replaces the first): the share"
          + " answered by the deadline among those that are over (answered or past their"
          + " deadline), the median and 90th percentile of the hours to the answer, and every"
          + " breach of the cohort's clocks (a breach stays counted when an overturned"
          + " rejection restarts the clock). A cycle accepted, then rejected, counts as"
          + " answered and accepted: its answer was the acceptance. `waitingNow` and `overdueNow` describe the present, whatever the period."
          + " Rates are rounded half up to 4 decimals and hours to the hundredth; every verdict"
          + " (`volumeMet`, `acceptanceRateMet`) is decided on the exact figures, never on"
          + " rounded ones."
          + " With `segment`, every figure and target is that segment's. With `source` or"
          + " `campaign`, the figures are those leads' and there are no targets: commitments are"
          + " made for all leads or per segment.";

  private final SlaReportService reports;
  private final BatonClock clock;

  public SlaReportResource(SlaReportService reports, BatonClock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "getSlaReport",
      summary = "The two-sided SLA report: marketing's commitments and sales's answers",
      description = SEMANTICS)
  @APIResponse(responseCode = "200", description = "The report")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public SlaReport report(
      @Parameter(
              description = Period.FROM_DOC,
              schema = @Schema(type = SchemaType.STRING, examples = "2026-07-01"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = Period.TO_DOC,
              schema = @Schema(type = SchemaType.STRING, examples = "2026-10-01"))
          @QueryParam("to")
          String to,
      @Parameter(description = "Only this segment, with its own targets") @QueryParam("segment")
          String segment,
      @Parameter(description = Cohort.SOURCE_DOC) @QueryParam("source") String source,
      @Parameter(description = Cohort.CAMPAIGN_DOC) @QueryParam("campaign") String campaign) {
    Instant now = clock.now();
    QueryParams params = new QueryParams();
    Period period = Period.of(params, from, to, now);
    Cohort cohort = Cohort.of(params, segment, source, campaign);
    params.validate();
    return reports.report(period, cohort, now);
  }
}
