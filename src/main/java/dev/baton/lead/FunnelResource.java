package dev.baton.lead;

import dev.baton.apikey.Caller;
import dev.baton.common.ErrorResponses;
import dev.baton.common.Ids;
import dev.baton.idempotency.Idempotency;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.MoveRecords.AcceptLead;
import dev.baton.lead.MoveRecords.ConvertLead;
import dev.baton.lead.MoveRecords.QualifyLead;
import dev.baton.lead.MoveRecords.RecycleLead;
import dev.baton.lead.MoveRecords.RejectLead;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.function.Function;
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
@Tag(name = "Funnel", description = "Move a lead: qualify, accept, reject, convert, recycle")
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
  private final Idempotency idempotency;
  private final SecurityIdentity identity;

  public FunnelResource(FunnelService funnel, Idempotency idempotency, SecurityIdentity identity) {
    this.funnel = funnel;
    this.idempotency = idempotency;
    this.identity = identity;
  }

  @POST
  @Path("qualify")
  @Operation(operationId = "qualifyLead", summary = "GENERATED → QUALIFIED (marketing, admin)")
  public Response qualify(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = false) @Valid QualifyLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    QualifyLead in = body == null ? new QualifyLead(null, null) : body;
    return move(
        idempotencyKey,
        uri,
        in,
        input -> funnel.qualify(lead(id), ETags.versions(ifMatch), input, caller()));
  }

  @POST
  @Path("accept")
  @Operation(
      operationId = "acceptLead",
      summary = "QUALIFIED → ACCEPTED with an owner (sales, admin)")
  public Response accept(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid AcceptLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    return move(
        idempotencyKey,
        uri,
        body,
        input -> funnel.accept(lead(id), ETags.versions(ifMatch), input, caller()));
  }

  @POST
  @Path("reject")
  @Operation(
      operationId = "rejectLead",
      summary =
          "GENERATED, QUALIFIED or ACCEPTED → REJECTED with a reason (sales, admin; marketing from GENERATED)")
  public Response reject(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid RejectLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    return move(
        idempotencyKey,
        uri,
        body,
        input -> funnel.reject(lead(id), ETags.versions(ifMatch), input, caller()));
  }

  @POST
  @Path("convert")
  @Operation(
      operationId = "convertLead",
      summary = "ACCEPTED → CONVERTED, optionally with the deal (sales, admin)")
  public Response convert(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = false) @Valid ConvertLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    ConvertLead in = body == null ? new ConvertLead(null, null, null, null) : body;
    return move(
        idempotencyKey,
        uri,
        in,
        input -> funnel.convert(lead(id), ETags.versions(ifMatch), input, caller()));
  }

  @POST
  @Path("recycle")
  @Operation(
      operationId = "recycleLead",
      summary = "REJECTED → GENERATED, back to nurture (marketing, admin)")
  public Response recycle(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = false) @Valid RecycleLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    RecycleLead in = body == null ? new RecycleLead(null) : body;
    return move(
        idempotencyKey,
        uri,
        in,
        input -> funnel.recycle(lead(id), ETags.versions(ifMatch), input, caller()));
  }

  /** Runs a move under its Idempotency-Key and answers the lead with its ETag. */
  private <T> Response move(
      String idempotencyKey, UriInfo uri, T input, Function<T, LeadView> move) {
    return idempotency.run(
        idempotencyKey,
        caller(),
        "POST " + uri.getPath(),
        input,
        () -> LeadResource.withETag(move.apply(input)));
  }

  private static UUID lead(String id) {
    return Ids.parse(id, "lead");
  }

  private Caller caller() {
    return Caller.of(identity);
  }
}
