package dev.baton.reports;

import dev.baton.db.BatonClock;
import dev.baton.reports.PeopleReportRecords.PeopleReport;
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

@Path("/api/v1/sla/people")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleReportResource {

  private final PeopleReportService reports;
  private final BatonClock clock;

  public PeopleReportResource(PeopleReportService reports, BatonClock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "getSlaPeopleReport",
      summary = "Sales's side of the SLA per member and per queue",
      description =
          "Any role. The cohort is the **assignments made in [from, to)** (a lead reassigned"
              + " counts once for each member who had it). Per member: `assigned`; `due`, the"
              + " assignments that are over for them (answered, or past the deadline while still"
              + " theirs); `answeredWithinSla` and its share of `due`; the median and 90th"
              + " percentile of the hours from assignment to answer; `breaches`, the deadlines"
              + " that passed unanswered while the lead was theirs; and now, whatever the"
              + " period, `waitingNow`, `overdueNow` and `load` against `maxOpen`. Per queue: each"
              + " member's assignments and share against their weight's share. With `queue`, only"
              + " that queue's assignments.")
  @APIResponse(responseCode = "200", description = "The report")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public PeopleReport report(
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
      @Parameter(description = "Only this queue's assignments") @QueryParam("queue") String queue) {
    Instant now = clock.now();
    QueryParams params = new QueryParams();
    Period period = Period.of(params, from, to, now);
    String only = params.text("queue", queue);
    params.validate();
    return reports.report(period, only, now);
  }
}
