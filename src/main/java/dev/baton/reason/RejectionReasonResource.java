package dev.baton.reason;

import dev.baton.idempotency.Idempotent;
import dev.baton.reason.ReasonRecords.NewRejectionReason;
import dev.baton.reason.ReasonRecords.RejectionReasonView;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rejection-reasons")
@Tag(
    name = "Rejection reasons",
    description = "The catalog of reasons a lead may be rejected for, and who is accountable")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RejectionReasonResource {

  private final RejectionReasonService reasons;

  public RejectionReasonResource(RejectionReasonService reasons) {
    this.reasons = reasons;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listRejectionReasons",
      summary = "List the rejection reason catalog",
      description =
          "Any role. Answers the whole catalog, ordered by code and not paged: each reason's"
              + " `code`, `label`, who is `accountable` (MARKETING, SALES or NONE), whether it"
              + " `requiresNote` and whether it is `active`. `active=true` or `active=false` lists"
              + " only active or inactive reasons; any other value is 400 `validation-error`. A"
              + " rejection must name an active code.")
  @APIResponse(responseCode = "200", description = "Every reason, by code")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public ReasonList list(
      @Parameter(
              description = "Only active (true) or inactive (false) reasons",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("active")
          String active) {
    QueryParams params = new QueryParams();
    Boolean onlyActive = params.bool("active", active);
    params.validate();
    return new ReasonList(reasons.list(onlyActive));
  }

  @Schema(name = "RejectionReasonList", description = "The catalog, by code")
  public record ReasonList(@Schema(required = true) List<RejectionReasonView> data) {}

  @POST
  @Idempotent
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      operationId = "createRejectionReason",
      summary = "Add a reason to the catalog",
      description =
          "Admin only. Adds an active reason: `code` in UPPER_SNAKE_CASE (2 to 50 characters),"
              + " `label`, the `accountable` party (MARKETING, SALES or NONE) and `requiresNote`"
              + " (false when absent); answers 201 with `Location`. A code already in the catalog,"
              + " active or not, is 409 `reason-exists`; an `Idempotency-Key` makes retries safe.")
  @APIResponse(
      responseCode = "201",
      description = "The new reason",
      content = @Content(schema = @Schema(implementation = RejectionReasonView.class)),
      headers =
          @Header(
              name = "Location",
              description = "URL of the reason",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  public Response create(
      @NotNull @Valid NewRejectionReason body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey,
      UriInfo uri) {
    RejectionReasonView created = reasons.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{code}")
  @Authenticated
  @Operation(
      operationId = "getRejectionReason",
      summary = "Get one reason of the catalog",
      description =
          "Any role. Answers the reason's `code`, `label`, `accountable` party, `requiresNote` and"
              + " `active`. An unknown code is 404 `not-found`.")
  @APIResponse(responseCode = "200", description = "The reason")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public RejectionReasonView get(@PathParam("code") String code) {
    return reasons.get(code);
  }

  @POST
  @Idempotent
  @Path("{code}/deactivate")
  @Consumes(MediaType.WILDCARD) // no body: whatever a client labels its empty one
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      operationId = "deactivateRejectionReason",
      summary = "Deactivate a reason: past rejections keep it, new ones cannot use it",
      description =
          "Admin only; no body. From then on a rejection naming the code is 400"
              + " `validation-error`, while the rejections already made keep it;"
              + " `activateRejectionReason` restores it. Answers the reason with `active` false;"
              + " deactivating an inactive reason changes nothing, and an unknown code is 404"
              + " `not-found`.")
  @APIResponse(
      responseCode = "200",
      description = "The reason, now inactive",
      content = @Content(schema = @Schema(implementation = RejectionReasonView.class)))
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response deactivate(
      @PathParam("code") String code,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return Response.ok(reasons.setActive(code, false)).build();
  }

  @POST
  @Idempotent
  @Path("{code}/activate")
  @Consumes(MediaType.WILDCARD) // no body: whatever a client labels its empty one
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      operationId = "activateRejectionReason",
      summary = "Make a deactivated reason usable again",
      description =
          "Admin only; no body. New rejections may name the reason again; answers it with `active`"
              + " true, and activating an active reason changes nothing. An unknown code is 404"
              + " `not-found`.")
  @APIResponse(
      responseCode = "200",
      description = "The reason, now active",
      content = @Content(schema = @Schema(implementation = RejectionReasonView.class)))
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response activate(
      @PathParam("code") String code,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return Response.ok(reasons.setActive(code, true)).build();
  }
}
