package dev.baton.lead;

import dev.baton.idempotency.Idempotent;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/{id}/reassign")
@Tag(name = "Routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReassignResource {

  private final ReassignService reassignments;
  private final SecurityIdentity identity;

  public ReassignResource(ReassignService reassignments, SecurityIdentity identity) {
    this.reassignments = reassignments;
    this.identity = identity;
  }

  @POST
  @Idempotent
  @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
  @Operation(
      operationId = "reassignLead",
      summary = "Give a waiting lead to another member (sales manager, admin)",
      description =
          "Sales managers and admins; only a `QUALIFIED` lead (409 `not-waiting` otherwise, with"
              + " `currentStatus`). Either `memberId` (that member) or `queue` (the next in its"
              + " weighted rotation other than the current assignee), and a `reason`; an unknown member or queue is 400"
              + " naming `memberId` or `queue`. A member"
              + " inactive, away or at capacity, or a queue where nobody else can take it, is 409"
              + " `nobody-available`. The acceptance clock keeps running; records"
              + " `lead.reassigned`. `If-Match` is optional (412 `precondition-failed`) and an"
              + " `Idempotency-Key` makes retries safe.")
  @APIResponse(
      responseCode = "200",
      description = "The lead with its new assignee",
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
  public Response reassign(
      @PathParam("id") String id,
      @Parameter(
              description = "Optional: the lead's ETag; refused with 412 if the lead changed since")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @NotNull @Valid ReassignLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return LeadResource.withETag(
        reassignments.reassign(
            Ids.parse(id, "lead"), ETags.versions(ifMatch), body, Caller.of(identity)));
  }
}
