package dev.baton.apikey;

import dev.baton.apikey.ApiKeyRecords.ApiKeyView;
import dev.baton.apikey.ApiKeyRecords.CreatedApiKey;
import dev.baton.apikey.ApiKeyRecords.NewApiKey;
import dev.baton.idempotency.Idempotent;
import dev.baton.paging.Cursor;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import dev.baton.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/api-keys")
@Tag(name = "API keys", description = "Who may call Baton, and in which role (admin only)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class ApiKeyResource {

  private final ApiKeyService keys;

  public ApiKeyResource(ApiKeyService keys) {
    this.keys = keys;
  }

  @POST
  @Idempotent(secret = "key")
  @Operation(
      operationId = "createApiKey",
      summary = "Create an API key (the key is shown only in this answer)",
      description =
          "Admin only. Answers 201 with `Location` and the new key in `key` (`bk_...`, to send as"
              + " `Authorization: Bearer <key>`); Baton keeps only its hash, so store it now."
              + " Without `rateLimit` the key gets the default quota of requests per rate-limit"
              + " window. A retry with the same `Idempotency-Key` and body replays the answer"
              + " without `key`: if the first answer was lost, revoke that key and create another.")
  @APIResponse(
      responseCode = "201",
      description = "The new key, with the key itself shown this once",
      content = @Content(schema = @Schema(implementation = CreatedApiKey.class)),
      headers =
          @Header(
              name = "Location",
              description = "URL of the key",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  public Response create(
      @NotNull @Valid NewApiKey body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey,
      UriInfo uri) {
    CreatedApiKey created = keys.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Operation(
      operationId = "listApiKeys",
      summary = "List API keys, oldest first (never the keys themselves)",
      description =
          "Admin only. Answers one page of API keys, oldest first and revoked ones included, each"
              + " with its `name`, `role`, `prefix` (the key's first characters, to recognise it),"
              + " `createdAt`, `revokedAt` once revoked and its own `rateLimit` if it has one;"
              + " never the key itself. Page with `limit` (1 to 200, 50 by default) and pass the"
              + " answer's `nextCursor` as `cursor`; `nextCursor` is absent on the last page.")
  @APIResponse(responseCode = "200", description = "One page of keys")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  public ApiKeyPage list(
      @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
      @Parameter(ref = "limit") @QueryParam("limit") String limit) {
    QueryParams params = new QueryParams();
    Cursor after = params.cursor(cursor);
    int size = params.limit(limit);
    params.validate();
    return ApiKeyPage.of(keys.list(after, size));
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getApiKey",
      summary = "Get one API key (never the key itself)",
      description =
          "Admin only. Answers the key's `name`, `role`, `prefix`, `createdAt`, `revokedAt` once"
              + " revoked and its own `rateLimit` if it has one; the key itself is shown only when"
              + " it is created. An id that names no key is 404 `not-found`.")
  @APIResponse(responseCode = "200", description = "The key")
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public ApiKeyView get(@PathParam("id") String id) {
    return keys.get(Ids.parse(id, "API key"));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "revokeApiKey",
      summary = "Revoke an API key; it stops working at once",
      description =
          "Admin only. The key stops working when the revocation commits (on other replicas,"
              + " milliseconds later): its requests then get 401 `unauthorized`. Answers the key"
              + " with `revokedAt` set; revoking a revoked key changes nothing, and a revocation"
              + " cannot be undone. Revoking the last active admin key is refused with 409"
              + " `last-admin-key`: create another admin key first.")
  @APIResponse(responseCode = "200", description = "The revoked key")
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  public ApiKeyView revoke(@PathParam("id") String id) {
    return keys.revoke(Ids.parse(id, "API key"));
  }
}
