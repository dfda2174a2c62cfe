package dev.baton.lead;

import dev.baton.idempotency.Idempotent;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.MoveRecords.AcceptLead;
import dev.baton.lead.MoveRecords.ConvertLead;
import dev.baton.lead.MoveRecords.QualifyLead;
import dev.baton.lead.MoveRecords.RecycleLead;
import dev.baton.lead.MoveRecords.RejectLead;
import dev.baton.security.Caller;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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

/**
 * The funnel actions. Who may take which, from which status, is {@link Funnel}'s table; this
 * resource only speaks HTTP.
 */
@Path("/api/v1/leads/{id}")
@Tag(
    name = "Lead moves",
    description = "Move a lead through the funnel: qualify, accept, reject, convert, recycle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(
    responseCode = "200",
    description = "The lead after the move",
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
public class FunnelResource {

  private static final String IF_MATCH_DOC =
      "Optional: the lead's ETag; the move is refused with 412 if the lead changed since";

  private final FunnelService funnel;
  private final SecurityIdentity identity;

  public FunnelResource(FunnelService funnel, SecurityIdentity identity) {
    this.funnel = funnel;
    this.identity = identity;
  }

  @POST
  @Idempotent
  @Path("qualify")
  @Operation(
      operationId = "qualifyLead",
      summary = "GENERATED → QUALIFIED (marketing, admin)",
      description =
          "Marketing and admin keys; only from `GENERATED`, otherwise 409 `transition-not-allowed`"
              + " with `currentStatus` and `allowedActions`. The optional body sets `score` (0 to"
              + " 100) and `note` (kept as `qualificationNote`), and the move starts the"
              + " acceptance SLA clock: `sla.state` is `PENDING` until sales answers, with a"
              + " `deadline` from the SLA policy's hours for the lead's segment. `If-Match` is"
              + " optional (412 `precondition-failed`, with `currentVersion`, if the lead changed"
              + " since) and an `Idempotency-Key` makes retries safe; answers the lead with its"
              + " new `ETag`, and records `lead.qualified`.")
  public Response qualify(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = false) @Valid QualifyLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    QualifyLead in = body == null ? new QualifyLead(null, null) : body;
    return LeadResource.withETag(funnel.qualify(lead(id), ETags.versions(ifMatch), in, caller()));
  }

  @POST
  @Idempotent
  @Path("accept")
  @Operation(
      operationId = "acceptLead",
      summary = "QUALIFIED → ACCEPTED with an owner (sales, admin)",
      description =
          "Sales and admin keys; only from `QUALIFIED`, otherwise 409 `transition-not-allowed`"
              + " with `currentStatus` and `allowedActions`. `owner` (who in sales owns the lead)"
              + " is required unless the lead has an `assignee`, who then becomes the owner (their"
              + " email, else their member id); `note` is optional; accepting stops the acceptance SLA clock, `MET` by"
              + " the deadline or `BREACHED` after it (a breach is recorded once, as"
              + " `lead.sla_breached`). `If-Match` is optional (412 `precondition-failed`, with"
              + " `currentVersion`, if the lead changed since) and an `Idempotency-Key` makes"
              + " retries safe; answers the lead with its new `ETag`, and records `lead.accepted`.")
  public Response accept(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid AcceptLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return LeadResource.withETag(funnel.accept(lead(id), ETags.versions(ifMatch), body, caller()));
  }

  @POST
  @Idempotent
  @Path("reject")
  @Operation(
      operationId = "rejectLead",
      summary =
          "GENERATED, QUALIFIED or ACCEPTED → REJECTED with a reason (sales, admin; marketing from GENERATED)",
      description =
          "Marketing, sales and admin keys from `GENERATED`; only sales and admin keys from"
              + " `QUALIFIED` or `ACCEPTED` (403 `forbidden`); from another status 409"
              + " `transition-not-allowed` with `currentStatus` and `allowedActions`. `reason`"
              + " must be an active code of the rejection reason catalog, with a `note` when that"
              + " reason requires one (400 `validation-error` otherwise); rejecting a `QUALIFIED`"
              + " lead stops its acceptance SLA clock. A rejection from `QUALIFIED` or `ACCEPTED`"
              + " may be contested by marketing (`disputeRejection`). `If-Match` is optional (412"
              + " `precondition-failed`, with `currentVersion`, if the lead changed since) and an"
              + " `Idempotency-Key` makes retries safe; answers the lead with its new `ETag`, and"
              + " records `lead.rejected` with the reason and who is accountable.")
  public Response reject(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid RejectLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return LeadResource.withETag(funnel.reject(lead(id), ETags.versions(ifMatch), body, caller()));
  }

  @POST
  @Idempotent
  @Path("convert")
  @Operation(
      operationId = "convertLead",
      summary = "ACCEPTED → CONVERTED, optionally with the deal (sales, admin)",
      description =
          "Sales and admin keys; only from `ACCEPTED`, otherwise 409 `transition-not-allowed` with"
              + " `currentStatus` and `allowedActions`; `CONVERTED` is terminal. The optional body"
              + " records the deal: `opportunityRef`, `amount` with its ISO 4217 `currency` (one"
              + " without the other is 400 `validation-error`) and a `note`. `If-Match` is"
              + " optional (412 `precondition-failed`, with `currentVersion`, if the lead changed"
              + " since) and an `Idempotency-Key` makes retries safe; answers the lead with its"
              + " new `ETag`, and records `lead.converted`.")
  public Response convert(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = false) @Valid ConvertLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    ConvertLead in = body == null ? new ConvertLead(null, null, null, null) : body;
    return LeadResource.withETag(funnel.convert(lead(id), ETags.versions(ifMatch), in, caller()));
  }

  @POST
  @Idempotent
  @Path("recycle")
  @Operation(
      operationId = "recycleLead",
      summary = "REJECTED → GENERATED, back to nurture (marketing, admin)",
      description =
          "Marketing and admin keys; only from `REJECTED`, otherwise 409 `transition-not-allowed`"
              + " with `currentStatus` and `allowedActions`. The lead goes back to `GENERATED` in"
              + " a new cycle: `recycleCount` goes up, and the previous cycle's owner, rejection,"
              + " SLA clock and dispute are cleared from the lead (they stay in its history);"
              + " optional `note`. Refused with 409 `dispute-open` while its rejection is"
              + " disputed, 409 `duplicate-lead` when the person has another open lead, 409"
              + " `lead-erased` once its personal data was erased. `If-Match` is optional (412"
              + " `precondition-failed`, with `currentVersion`, if the lead changed since) and an"
              + " `Idempotency-Key` makes retries safe; answers the lead with its new `ETag`, and"
              + " records `lead.recycled`.")
  public Response recycle(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = false) @Valid RecycleLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    RecycleLead in = body == null ? new RecycleLead(null) : body;
    return LeadResource.withETag(funnel.recycle(lead(id), ETags.versions(ifMatch), in, caller()));
  }

  private static UUID lead(String id) {
    return Ids.parse(id, "lead");
  }

  private Caller caller() {
    return Caller.of(identity);
  }
}
