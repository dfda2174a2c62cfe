package dev.baton.reports;

import dev.baton.db.BatonClock;
import dev.baton.reports.FunnelRecords.FunnelFigures;
import dev.baton.reports.FunnelRecords.FunnelReport;
import dev.baton.reports.FunnelRecords.GroupBy;
import dev.baton.web.ErrorResponses;
import dev.baton.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/funnel")
@Tag(
    name = "Reports",
    description =
        "The figures both sides read: the funnel (which sources give leads sales accepts and"
            + " converts, and why the others fail) and the two-sided SLA report")
@Produces(MediaType.APPLICATION_JSON)
public class FunnelMetricsResource {

  static final String SEMANTICS =
      "The cohort is the **cycles handed off in [from, to)**: a lead's first cycle starts at its"
          + " handoff, and each recycle starts a new cycle, counted once, on the day of the"
          + " recycle. Every figure describes those cycles as they stand now, whenever their"
          + " later moves happened: `reached` counts the cycles that reached each status (a lead"
          + " handed off as QUALIFIED never was GENERATED; a rejection overturned after a dispute"
          + " is no longer a rejection, and counts under `disputes.overturned`, while an"
          + " acceptance it followed stays counted: sales did accept); rates divide those counts"
          + " (accepted ÷ qualified, converted ÷ accepted, converted ÷ qualified) and are rounded"
          + " half up to 4 decimals, hours and the mean rating to the hundredth;"
          + " hours to accept run from the lead's last entry into QUALIFIED, hours to convert"
          + " from its acceptance; ratings are the feedback ratings given during the cycle;"
          + " `recycles` counts the cycles that ended in a recycle. Groups use the lead's"
          + " current attribution and segment, the owner who accepted the cycle, and the member"
          + " (`assignee`) and `queue` routing gave it (the last, when it was reassigned)."
          + " `groupBy=week` or `month` gives the same figures as a time series, by the week"
          + " (from Monday 00:00 UTC) or month of the handoff: every one of the period, empty ones"
          + " included. `segment`, `source` and `campaign` keep only the leads with that current"
          + " value.";

  private final FunnelMetricsService metrics;
  private final BatonClock clock;

  public FunnelMetricsResource(FunnelMetricsService metrics, BatonClock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "getFunnelMetrics",
      summary = "Funnel metrics of the leads handed off in a period, in total and per group",
      description = SEMANTICS)
  @APIResponse(responseCode = "200", description = "The funnel")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public FunnelReport funnel(
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
      @Parameter(
              description = "Group by this field; totals only when absent",
              schema = @Schema(implementation = GroupBy.class))
          @QueryParam("groupBy")
          String groupBy,
      @Parameter(description = Cohort.SEGMENT_DOC) @QueryParam("segment") String segment,
      @Parameter(description = Cohort.SOURCE_DOC) @QueryParam("source") String source,
      @Parameter(description = Cohort.CAMPAIGN_DOC) @QueryParam("campaign") String campaign) {
    QueryParams params = new QueryParams();
    Period period = Period.of(params, from, to, clock.now());
    GroupBy by = params.enumValue("groupBy", groupBy, GroupBy.class);
    Cohort cohort = Cohort.of(params, segment, source, campaign);
    if (by != null
        && by.isTime()
        && TimeBuckets.atLeast(period, by == GroupBy.month) > TimeBuckets.MAX) {
      params.reject(
          "groupBy",
          "gives more than "
              + TimeBuckets.MAX
              + " "
              + by
              + "s over this period: choose a shorter one");
    }
    params.validate();
    List<FunnelFigures> figures = metrics.figures(period, cohort, by);
    return new FunnelReport(
        period.from(),
        period.to(),
        by,
        cohort.segment(),
        cohort.source(),
        cohort.campaign(),
        figures.get(0),
        figures.subList(1, figures.size()));
  }
}
