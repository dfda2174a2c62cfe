package dev.baton.lead;

import dev.baton.idempotency.Idempotent;
import dev.baton.lead.DisputeRecords.OpenDispute;
import dev.baton.lead.DisputeRecords.ResolveDispute;
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

@Path("/api/v1/leads/{id}/dispute")
@Tag(
    name = "Disputes",
    description = "Marketing contests a rejection; sales upholds it or overturns it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(
    responseCode = "200",
    description = "The lead, showing its dispute",
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
public class DisputeResource {

  private static final String IF_MATCH_DOC =
      "Optional: the lead's ETag; refused with 412 if the lead changed since";

  private final DisputeService disputes;
  private final SecurityIdentity identity;

  public DisputeResource(DisputeService disputes, SecurityIdentity identity) {
    this.disputes = disputes;
    this.identity = identity;
  }

  @POST
  @Idempotent
  @RolesAllowed({Role.Names.MARKETING, Role.Names.ADMIN})
  @Operation(
      operationId = "disputeRejection",
      summary =
          "Contest the rejection of a lead sales had (marketing, admin); one open dispute at a"
              + " time",
      description =
          "Marketing and admin keys. Opens a dispute of the lead's rejection with a required"
              + " `note`: the lead stays `REJECTED`, shows `dispute.state` `OPEN`, cannot be"
              + " recycled until sales resolves it, and `lead.disputed` is recorded. Refused with"
              + " 409 `not-rejected` when the lead is not rejected, 409 `not-rejected-by-sales`"
              + " when it was rejected from `GENERATED` (before sales had it) and 409"
              + " `dispute-open` while a dispute is open. `If-Match` is optional (412"
              + " `precondition-failed`, with `currentVersion`, if the lead changed since) and an"
              + " `Idempotency-Key` makes retries safe; answers the lead with its new `ETag`.")
  public Response open(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid OpenDispute body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return LeadResource.withETag(
        disputes.open(Ids.parse(id, "lead"), ETags.versions(ifMatch), body, Caller.of(identity)));
  }

  @POST
  @Idempotent
  @Path("resolve")
  @RolesAllowed({Role.Names.SALES, Role.Names.ADMIN})
  @Operation(
      operationId = "resolveDispute",
      summary =
          "Uphold the rejection, or overturn it: the lead is QUALIFIED again with a fresh"
              + " acceptance clock (sales, admin)",
      description =
          "Sales and admin keys; 409 `no-open-dispute` when the lead has no open dispute."
              + " `outcome` `UPHELD` leaves the lead `REJECTED`; `OVERTURNED` withdraws the"
              + " rejection and puts the lead back to `QUALIFIED` with a fresh acceptance SLA"
              + " clock, unless the person has another open lead by then (409 `duplicate-lead`)."
              + " The optional `note` is sales's answer to marketing, and `lead.dispute_resolved`"
              + " is recorded with the outcome. `If-Match` is optional (412 `precondition-failed`,"
              + " with `currentVersion`, if the lead changed since) and an `Idempotency-Key` makes"
              + " retries safe; answers the lead with its new `ETag`.")
  public Response resolve(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid ResolveDispute body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return LeadResource.withETag(
        disputes.resolve(
            Ids.parse(id, "lead"), ETags.versions(ifMatch), body, Caller.of(identity)));
  }
}
