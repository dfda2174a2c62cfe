package dev.baton.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.apikey.Caller;
import dev.baton.common.ErrorResponses;
import dev.baton.common.Ids;
import dev.baton.common.Page;
import dev.baton.common.QueryParams;
import dev.baton.idempotency.Idempotency;
import dev.baton.webhook.WebhookRecords.DeliveryPage;
import dev.baton.webhook.WebhookRecords.DeliveryView;
import dev.baton.webhook.WebhookRecords.NewWebhook;
import dev.baton.webhook.WebhookRecords.TestResult;
import dev.baton.webhook.WebhookRecords.WebhookPage;
import dev.baton.webhook.WebhookRecords.WebhookView;
import dev.baton.webhook.WebhookRecords.WebhookWithSecret;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Tag(
    name = "Webhooks",
    description =
        "Events pushed to your URL: signed (Standard Webhooks), filtered, retried, ordered per"
            + " lead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"MARKETING", "SALES", "ADMIN"})
@APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
public class WebhookResource {

  private final WebhookService webhooks;
  private final Idempotency idempotency;
  private final SecurityIdentity identity;

  public WebhookResource(
      WebhookService webhooks, Idempotency idempotency, SecurityIdentity identity) {
    this.webhooks = webhooks;
    this.idempotency = idempotency;
    this.identity = identity;
  }

  @POST
  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe a URL to events; the answer holds the signing secret, shown only once")
  @APIResponse(
      responseCode = "201",
      description = "The subscription and its secret",
      content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public Response create(
      @NotNull @Valid NewWebhook body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    Caller caller = caller();
    return idempotency.run(
        idempotencyKey,
        caller,
        "POST " + uri.getPath(),
        body,
        () -> {
          WebhookWithSecret created = webhooks.create(body, caller);
          return Response.created(
                  uri.getAbsolutePathBuilder().path(created.webhook().id().toString()).build())
              .entity(created)
              .build();
        });
  }

  @GET
  @Operation(operationId = "listWebhooks", summary = "Your subscriptions (all of them for admins)")
  @APIResponse(responseCode = "200", description = "One page of subscriptions")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public WebhookPage list(
      @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
      @Parameter(ref = "limit") @QueryParam("limit") String limit) {
    QueryParams params = new QueryParams();
    var after = params.cursor(cursor);
    int size = params.limit(limit);
    params.validate();
    Page<WebhookView> page = webhooks.list(caller(), after, size);
    return new WebhookPage(page.data(), page.nextCursor());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getWebhook", summary = "One subscription (never its secret)")
  @APIResponse(responseCode = "200", description = "The subscription")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public WebhookView get(@PathParam("id") String id) {
    return webhooks.get(webhook(id), caller());
  }

  @PATCH
  @Path("{id}")
  @Operation(
      operationId = "updateWebhook",
      summary = "Change the URL, the event types or the description; pause or resume")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = WebhookRecords.WebhookPatch.class)))
  @APIResponse(responseCode = "200", description = "The subscription")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  public WebhookView update(@PathParam("id") String id, JsonNode body) {
    return webhooks.patch(webhook(id), body, caller());
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Unsubscribe; deliveries still pending are dropped")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response delete(@PathParam("id") String id) {
    webhooks.delete(webhook(id), caller());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/rotate-secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary =
          "A new signing secret, shown only once; for BATON_WEBHOOK_SECRET_OVERLAP (24h) messages"
              + " carry both signatures")
  @APIResponse(
      responseCode = "200",
      description = "The subscription and its new secret",
      content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response rotate(
      @PathParam("id") String id,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    Caller caller = caller();
    return idempotency.run(
        idempotencyKey,
        caller,
        "POST " + uri.getPath(),
        null,
        () -> Response.ok(webhooks.rotate(webhook(id), caller)).build());
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The subscription's deliveries, oldest first, with every attempt")
  @APIResponse(responseCode = "200", description = "One page of deliveries")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public DeliveryPage deliveries(
      @PathParam("id") String id,
      @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
      @Parameter(ref = "limit") @QueryParam("limit") String limit) {
    QueryParams params = new QueryParams();
    var after = params.cursor(cursor);
    int size = params.limit(limit);
    params.validate();
    Page<DeliveryView> page = webhooks.deliveries(webhook(id), caller(), after, size);
    return new DeliveryPage(page.data(), page.nextCursor());
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/redeliver")
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Send a delivery again (same webhook-id), whatever became of it")
  @APIResponse(
      responseCode = "202",
      description = "Queued; the dispatcher sends it within a second or so",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  public Response redeliver(
      @PathParam("id") String id,
      @PathParam("deliveryId") String deliveryId,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    Caller caller = caller();
    return idempotency.run(
        idempotencyKey,
        caller,
        "POST " + uri.getPath(),
        null,
        () ->
            Response.accepted(webhooks.redeliver(webhook(id), delivery(deliveryId), caller))
                .build());
  }

  @POST
  @Path("{id}/test")
  @Operation(
      operationId = "testWebhook",
      summary = "Send a signed webhook.test ping now; reports the status code and latency only")
  @APIResponse(
      responseCode = "200",
      description = "How the receiver answered",
      content = @Content(schema = @Schema(implementation = TestResult.class)))
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public TestResult test(@PathParam("id") String id) {
    return webhooks.test(webhook(id), caller());
  }

  private static UUID webhook(String id) {
    return Ids.parse(id, "webhook");
  }

  private static UUID delivery(String id) {
    return Ids.parse(WebhookDispatcher.Claimed.delivery(id), "delivery");
  }

  private Caller caller() {
    return Caller.of(identity);
  }
}
