package dev.baton.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.event.EventView;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One lead: read it, edit it (a JSON merge patch under If-Match), read its history. */
@Path("/api/v1/leads")
@Tag(name = "Leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadItemResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final LeadService leads;
  private final SecurityIdentity identity;

  public LeadItemResource(LeadService leads, SecurityIdentity identity) {
    this.leads = leads;
    this.identity = identity;
  }

  @GET
  @Path("{id}")
  @Authenticated
  @Operation(
      operationId = "getLead",
      summary = "Get one lead, with its ETag",
      description =
          "Any role. Answers the lead (contact, company, attribution, status times, rejection,"
              + " conversion, acceptance `sla`, latest `dispute`, `version`) with its version,"
              + " quoted, in the `ETag` header: send it back in `If-Match` to patch the lead"
              + " (required) or to move it (optional). A lead whose personal data was erased"
              + " answers without `contact` and with `erasedAt` set. An id that names no lead is"
              + " 404 `not-found`.")
  @APIResponse(
      responseCode = "200",
      description = "The lead",
      content = @Content(schema = @Schema(implementation = LeadView.class)),
      headers =
          @Header(
              name = "ETag",
              description = LeadResource.ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response get(@PathParam("id") String id) {
    return LeadResource.withETag(leads.get(Ids.parse(id, "lead")));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  @RolesAllowed({Role.Names.MARKETING, Role.Names.SALES, Role.Names.ADMIN})
  @Operation(
      operationId = "patchLead",
      summary =
          "Edit contact, company, attribution, segment, consent or attributes (JSON merge patch)",
      description =
          "Marketing, sales and admin keys; applies a JSON merge patch (RFC 7396: objects merge,"
              + " `null` removes, anything else replaces; sent as `application/merge-patch+json`"
              + " or `application/json`) to `contact`, `company`, `attribution`, `segment`,"
              + " `consent` and `attributes`; any other member is 400 `validation-error` (the"
              + " status moves with the actions, `owner` is set by accept, `score` by qualify)."
              + " `If-Match` with the lead's ETag is required: without it 428"
              + " `precondition-required`, with an older version 412 `precondition-failed` (with"
              + " `currentVersion`); `*` overwrites whatever version is current. Answers the lead"
              + " with its new `ETag` and records a `lead.updated` event listing the changed"
              + " fields; a patch that changes nothing changes neither version nor history. 409"
              + " `duplicate-lead` when another open lead has the new email, 409 `lead-erased`"
              + " once the lead's personal data was erased.")
  @RequestBody(
      required = true,
      content = {
        @Content(mediaType = MERGE_PATCH, schema = @Schema(ref = "LeadPatch")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LeadPatch"))
      })
  @APIResponse(
      responseCode = "200",
      description = "The lead after the patch",
      content = @Content(schema = @Schema(implementation = LeadView.class)),
      headers =
          @Header(
              name = "ETag",
              description = LeadResource.ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  @APIResponse(responseCode = "412", ref = ErrorResponses.PRECONDITION_FAILED)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "428", ref = ErrorResponses.PRECONDITION_REQUIRED)
  public Response patch(
      @PathParam("id") String id,
      @Parameter(
              description = "The lead's ETag, as read (`*` overwrites whatever version is current)",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode body) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "PATCH needs an If-Match header with the lead's ETag (from GET /api/v1/leads/{id})");
    }
    UUID lead = Ids.parse(id, "lead");
    return LeadResource.withETag(
        leads.patch(lead, ETags.versions(ifMatch), body, Caller.of(identity)));
  }

  @GET
  @Path("{id}/history")
  @Authenticated
  @Operation(
      operationId = "getLeadHistory",
      summary = "Every event of a lead, oldest first",
      description =
          "Any role. Answers every event of the lead, oldest first and not paged: its `type`, the"
              + " `leadVersion` after it, `occurredAt`, the `actor` (the API key's name and role,"
              + " or `baton` for an SLA breach), `fromStatus` and `toStatus` for moves, and the"
              + " inputs in `data`. Events older than `BATON_EVENT_RETENTION` (365 days by"
              + " default) are purged; an id that names no lead is 404 `not-found`.")
  @APIResponse(responseCode = "200", description = "The lead's history")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public History history(@PathParam("id") String id) {
    return new History(leads.history(Ids.parse(id, "lead")));
  }

  @Schema(name = "History")
  public record History(@Schema(required = true) List<EventView> data) {}
}
