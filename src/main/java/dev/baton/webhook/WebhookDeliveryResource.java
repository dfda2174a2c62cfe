package dev.baton.webhook;

import dev.baton.idempotency.Idempotent;
import dev.baton.paging.Page;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import dev.baton.web.QueryParams;
import dev.baton.webhook.WebhookRecords.DeliveryPage;
import dev.baton.webhook.WebhookRecords.DeliveryView;
import dev.baton.webhook.WebhookRecords.TestResult;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A subscription's deliveries: their log, a delivery sent again, and a test message. The
 * subscription itself, on the same paths, is {@link WebhookResource}'s.
 */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.MARKETING, Role.Names.SALES, Role.Names.ADMIN})
@APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
public class WebhookDeliveryResource {

  private final WebhookService webhooks;
  private final SecurityIdentity identity;

  public WebhookDeliveryResource(WebhookService webhooks, SecurityIdentity identity) {
    this.webhooks = webhooks;
    this.identity = identity;
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The subscription's deliveries, oldest first, with every attempt",
      description =
          "Marketing, sales and admin keys, on their own subscriptions (admin keys: any). Answers"
              + " one page of the subscription's deliveries, oldest first, each with its `id` (the"
              + " `webhook-id` header), the event, `status` (`PENDING`, `SUCCEEDED` or `FAILED`:"
              + " given up), `attempts`, `nextAttemptAt` while pending and the `attemptLog` (time,"
              + " the receiver's status code, latency and error, never its response body). Page"
              + " with `limit` (1 to 200, 50 by default) and pass the answer's `nextCursor` as"
              + " `cursor`.")
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
  @Idempotent
  @Path("{id}/deliveries/{deliveryId}/redeliver")
  @Consumes(MediaType.WILDCARD) // no body: whatever a client labels its empty one
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Send a delivery again (same webhook-id), whatever became of it",
      description =
          "Marketing, sales and admin keys, on their own subscriptions (admin keys: any). Puts the"
              + " delivery back to `PENDING`, whatever its status, and answers 202 with it; the"
              + " dispatcher sends it within a second or so (a paused subscription's delivery"
              + " waits until it resumes), keeping its `webhook-id`, so a receiver that"
              + " de-duplicates on it and already processed it will skip it. 409"
              + " `delivery-in-flight` while it is being sent right now, 409 `webhook-disabled`"
              + " after the receiver answered 410, 404 `not-found` for a delivery of another"
              + " subscription; an `Idempotency-Key` makes retries safe.")
  @APIResponse(
      responseCode = "202",
      description = "Queued; the dispatcher sends it within a second or so",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  public Response redeliver(
      @PathParam("id") String id,
      @PathParam("deliveryId") String deliveryId,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return Response.accepted(webhooks.redeliver(webhook(id), delivery(deliveryId), caller()))
        .build();
  }

  @POST
  @Path("{id}/test")
  @Consumes(MediaType.WILDCARD) // no body: whatever a client labels its empty one
  @Operation(
      operationId = "testWebhook",
      summary = "Send a signed webhook.test ping now; reports the status code and latency only",
      description =
          "Marketing, sales and admin keys, on their own subscriptions (admin keys: any). Sends a"
              + " `webhook.test` message, signed like every delivery, to the subscription's URL"
              + " now, whatever its state, and answers how the receiver answered: `statusCode`"
              + " (absent when no answer came), `latencyMs`, `success` (a 2xx answer) and `error`,"
              + " never the response body. Nothing is recorded or retried; the call waits up to"
              + " `BATON_WEBHOOK_TIMEOUT` (10 s by default) for the receiver.")
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
    return Ids.parse(MessageIds.delivery(id), "delivery");
  }

  private Caller caller() {
    return Caller.of(identity);
  }
}
