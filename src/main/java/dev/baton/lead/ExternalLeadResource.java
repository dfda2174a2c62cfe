package dev.baton.lead;

import dev.baton.json.Text;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/external/{system}/{externalId}")
@Tag(name = "Leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExternalLeadResource {

  private final ExternalLeadService external;
  private final SecurityIdentity identity;

  public ExternalLeadResource(ExternalLeadService external, SecurityIdentity identity) {
    this.external = external;
    this.identity = identity;
  }

  @PUT
  @RolesAllowed({Role.Names.MARKETING, Role.Names.ADMIN})
  @Operation(
      operationId = "upsertLeadByExternalId",
      summary =
          "Create (201) or update (200) the lead with this id in another system; never moves its status",
      description =
          "Marketing and admin keys. When no lead holds `externalId` in `system`, creates one from"
              + " the body as `handOffLead` does, with this id added to its `externalRefs` (201"
              + " with `Location` and `ETag`); otherwise replaces that lead's contact, company,"
              + " attribution, segment, consent and attributes with the body's (200 with `ETag`)."
              + " An update never changes status, score, qualification note or external ids, needs"
              + " no `If-Match`, and records a `lead.updated` event only when something changed,"
              + " so sending the same body again is harmless. 409 `duplicate-lead` when another"
              + " open lead has the body's email, 409 `external-ref-exists` on creation when"
              + " another of the body's `externalRefs` is taken; an erased lead's former id"
              + " creates a new lead.")
  @APIResponse(
      responseCode = "200",
      description = "The lead existed and was updated",
      content = @Content(schema = @Schema(implementation = LeadView.class)),
      headers =
          @Header(
              name = "ETag",
              description = LeadResource.ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "201",
      description = "The lead was created",
      content = @Content(schema = @Schema(implementation = LeadView.class)),
      headers = {
        @Header(
            name = "Location",
            description = "URL of the lead",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = LeadResource.ETAG_DOC,
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  public Response upsert(
      @Parameter(
              description = "The other system, lower case: a-z, 0-9, . _ -",
              schema = @Schema(pattern = ExternalRef.SYSTEM))
          @PathParam("system")
          String system,
      @Parameter(
              description =
                  "The lead's record id in that system; never an email address, which a URL would"
                      + " leave in access logs")
          @PathParam("externalId")
          String externalId,
      @NotNull @Valid NewLead body,
      UriInfo uri) {
    ExternalLeadService.Upserted result =
        external.upsert(ref(system, externalId), body, Caller.of(identity));
    LeadView lead = result.lead();
    Response.ResponseBuilder response =
        result.created()
            ? Response.created(
                uri.getBaseUriBuilder().path("api/v1/leads").path(lead.id().toString()).build())
            : Response.ok();
    return response.header(HttpHeaders.ETAG, ETags.of(lead.version())).entity(lead).build();
  }

  private static ExternalRef ref(String system, String externalId) {
    List<FieldError> errors = new ArrayList<>();
    if (!system.matches(ExternalRef.SYSTEM)) {
      errors.add(
          new FieldError("system", "must be 1 to 50 characters: a-z, 0-9, . _ - (lower case)"));
    }
    if (externalId.isBlank() || externalId.length() > 200) {
      errors.add(new FieldError("externalId", "must be 1 to 200 characters"));
    } else if (Text.problem(externalId) != null) {
      errors.add(new FieldError("externalId", Text.problem(externalId)));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new ExternalRef(system, externalId);
  }
}
