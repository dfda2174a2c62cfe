package dev.baton.export;

import dev.baton.event.EventType;
import dev.baton.lead.LeadStatus;
import dev.baton.problem.ProblemException;
import dev.baton.sla.SlaState;
import dev.baton.web.ErrorResponses;
import dev.baton.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The exports. No {@code @Produces}: the format comes from {@code ?format=}, not from {@code
 * Accept}, which generated clients fill with the media type of their error responses.
 */
@Path("/api/v1/exports")
@Tag(
    name = "Exports",
    description = "Every lead or event matching a filter, streamed as NDJSON or CSV, resumable")
@Authenticated
public class ExportResource {

  private static final String FORMAT_DOC = "`ndjson` (the default) or `csv`";
  private static final String AFTER_DOC =
      "Resume a download cut off: the `id` of the last complete line received";
  private static final String DOWNLOAD = "Every match, one per line, until the answer ends";

  private final LeadExport leads;
  private final EventExport events;

  public ExportResource(LeadExport leads, EventExport events) {
    this.leads = leads;
    this.events = events;
  }

  @GET
  @Path("/leads")
  @Operation(
      operationId = "exportLeads",
      summary = "Download every lead matching the filters, as NDJSON or CSV",
      description = ExportDocs.LEADS)
  @APIResponse(
      responseCode = "200",
      description = DOWNLOAD,
      content = {
        @Content(
            mediaType = "application/x-ndjson",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public Response exportLeads(
      @Parameter(description = FORMAT_DOC, schema = @Schema(implementation = ExportFormat.class))
          @QueryParam("format")
          String format,
      @Parameter(
              description = "What each line is; `lead` when absent",
              schema = @Schema(implementation = ExportShape.class))
          @QueryParam("shape")
          String shape,
      @Parameter(description = "Funnel status", schema = @Schema(implementation = LeadStatus.class))
          @QueryParam("status")
          String status,
      @Parameter(description = "Attribution source, exact") @QueryParam("source") String source,
      @Parameter(description = "Attribution campaign, exact") @QueryParam("campaign")
          String campaign,
      @Parameter(description = "Segment, exact") @QueryParam("segment") String segment,
      @Parameter(
              description = "Acceptance SLA state",
              schema = @Schema(implementation = SlaState.class))
          @QueryParam("slaState")
          String slaState,
      @Parameter(
              description = "Only leads changed at or after this RFC 3339 time",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("updatedSince")
          String updatedSince,
      @Parameter(
              description =
                  "Only leads handed off at or after this time (a date is its first instant, UTC)",
              schema = @Schema(type = SchemaType.STRING, examples = "2026-07-01"))
          @QueryParam("createdFrom")
          String createdFrom,
      @Parameter(
              description = "Only leads handed off before this time (a date: its first instant)",
              schema = @Schema(type = SchemaType.STRING, examples = "2026-10-01"))
          @QueryParam("createdTo")
          String createdTo,
      @Parameter(
              description = AFTER_DOC,
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("after")
          String after)
      throws SQLException {
    QueryParams params = new QueryParams();
    ExportFormat chosen = format(params, format);
    ExportShape lines = params.enumValue("shape", shape, ExportShape.class);
    if (lines == ExportShape.history && chosen == ExportFormat.csv) {
      params.reject("shape", "history is written as NDJSON only: a lead's past has no CSV row");
    }
    LeadExport.Filter filter =
        new LeadExport.Filter(
            params.enumValue("status", status, LeadStatus.class),
            params.text("source", source),
            params.text("campaign", campaign),
            params.text("segment", segment),
            params.enumValue("slaState", slaState, SlaState.class),
            params.instant("updatedSince", updatedSince),
            params.periodBound("createdFrom", createdFrom),
            params.periodBound("createdTo", createdTo));
    UUID afterId = uuid(params, "after", after);
    params.validate();
    LeadExport.Position position = null;
    if (afterId != null) {
      position = leads.position(afterId);
      if (position == null) {
        throw ProblemException.invalid("after", "is not the id of a lead; start again without it");
      }
    }
    return download(
        chosen, leads.stream(filter, position, chosen, lines == null ? ExportShape.lead : lines));
  }

  @GET
  @Path("/events")
  @Operation(
      operationId = "exportEvents",
      summary = "Download every event matching the filters, in the feed's order, as NDJSON or CSV",
      description = ExportDocs.EVENTS)
  @APIResponse(
      responseCode = "200",
      description = DOWNLOAD,
      content = {
        @Content(
            mediaType = "application/x-ndjson",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public Response exportEvents(
      @Parameter(description = FORMAT_DOC, schema = @Schema(implementation = ExportFormat.class))
          @QueryParam("format")
          String format,
      @Parameter(
              description =
                  "Only these event types, comma-separated, e.g. `lead.accepted,lead.rejected`")
          @QueryParam("types")
          String types,
      @Parameter(
              description = "Only the events of this lead",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("leadId")
          String leadId,
      @Parameter(
              description = "Only events that occurred at or after this time (a date: 00:00 UTC)",
              schema = @Schema(type = SchemaType.STRING, examples = "2026-07-01"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Only events that occurred before this time (a date: 00:00 UTC)",
              schema = @Schema(type = SchemaType.STRING, examples = "2026-10-01"))
          @QueryParam("to")
          String to,
      @Parameter(
              description = AFTER_DOC,
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("after")
          String after)
      throws SQLException {
    QueryParams params = new QueryParams();
    ExportFormat chosen = format(params, format);
    EventExport.Filter filter =
        new EventExport.Filter(
            params.list("types", types, EventType.names()),
            uuid(params, "leadId", leadId),
            params.periodBound("from", from),
            params.periodBound("to", to));
    UUID afterId = uuid(params, "after", after);
    params.validate();
    EventExport.Position position = null;
    if (afterId != null) {
      position = events.position(afterId);
      if (position == null) {
        throw ProblemException.invalid(
            "after",
            "is not the id of an event (or it was purged by retention); start again without it");
      }
    }
    return download(chosen, events.stream(filter, position, chosen));
  }

  private static ExportFormat format(QueryParams params, String format) {
    ExportFormat chosen = params.enumValue("format", format, ExportFormat.class);
    return chosen == null ? ExportFormat.ndjson : chosen;
  }

  private static UUID uuid(QueryParams params, String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    params.reject(name, "must be a UUID");
    return null;
  }

  private static Response download(ExportFormat format, Object body) {
    return Response.ok(body).type(format.mediaType()).build();
  }
}
