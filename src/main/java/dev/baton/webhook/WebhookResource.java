package dev.baton.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.idempotency.Idempotent;
import dev.baton.paging.Page;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import dev.baton.web.QueryParams;
import dev.baton.webhook.WebhookRecords.NewWebhook;
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

/**
 * Subscriptions: create, read, change, delete, rotate the secret. Their deliveries, on the same
 * paths, are {@link WebhookDeliveryResource}'s; Quarkus REST routes the methods of resources with
 * one path as one.
 */
@Path("/api/v1/webhooks")
@Tag(
    name = "Webhooks",
    description =
        "Events pushed to your URL: signed (Standard Webhooks), filtered, retried, ordered per"
            + " lead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.MARKETING, Role.Names.SALES, Role.Names.ADMIN})
@APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
public class WebhookResource {

  private final WebhookService webhooks;
  private final SecurityIdentity identity;

  public WebhookResource(WebhookService webhooks, SecurityIdentity identity) {
    this.webhooks = webhooks;
    this.identity = identity;
  }

  @POST
  @Idempotent
  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe a URL to events; the answer holds the signing secret, shown only once",
      description =
          "Marketing, sales and admin keys; the subscription belongs to the calling API key. `url`"
              + " must be a public `https` address (no loopback, private, link-local or metadata"
              + " address, also after DNS resolution), else 400 `validation-error`; leave"
              + " `eventTypes` out, `null` or empty to receive every event type, or list up to 50"
              + " known types. Answers 201 with `Location`, the subscription and its `whsec_`"
              + " signing `secret`, shown only in this answer: verify each message's"
              + " `webhook-signature` (Standard Webhooks) with it. An `Idempotency-Key` makes"
              + " retries safe.")
  @APIResponse(
      responseCode = "201",
      description = "The subscription and its secret",
      content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public Response create(
      @NotNull @Valid NewWebhook body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey,
      UriInfo uri) {
    WebhookWithSecret created = webhooks.create(body, caller());
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.webhook().id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "Your subscriptions (all of them for admins)",
      description =
          "Marketing, sales and admin keys. Answers one page of the subscriptions created by the"
              + " calling API key (an admin key sees every key's), oldest first, each with its"
              + " `state` (`ACTIVE`, `PAUSED` or `DISABLED`), `stateReason` and `failingSince`;"
              + " never a secret. Page with `limit` (1 to 200, 50 by default) and pass the"
              + " answer's `nextCursor` as `cursor`.")
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
  @Operation(
      operationId = "getWebhook",
      summary = "One subscription (never its secret)",
      description =
          "Marketing, sales and admin keys, on their own subscriptions (admin keys: any). Answers"
              + " the subscription: `url`, `eventTypes` (absent: every type), `description`,"
              + " `state` with `stateReason`, and `failingSince`, but never its secret. Another"
              + " key's subscription, a deleted one or an unknown id is 404 `not-found`.")
  @APIResponse(responseCode = "200", description = "The subscription")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public WebhookView get(@PathParam("id") String id) {
    return webhooks.get(webhook(id), caller());
  }

  @PATCH
  @Path("{id}")
  @Operation(
      operationId = "updateWebhook",
      summary = "Change the URL, the event types or the description; pause or resume",
      description =
          "Marketing, sales and admin keys, on their own subscriptions (admin keys: any). Send"
              + " only what changes: `url` (checked as on creation), `eventTypes` (`null` or empty"
              + " for every type; left out, the current list stays), `description`, and `paused`:"
              + " `true` holds deliveries back (they wait, nothing is dropped), `false` resumes"
              + " them, also after Baton paused a subscription that failed for days. A"
              + " subscription whose receiver answered 410 is 409 `webhook-disabled`: create a new"
              + " one. Answers the subscription, never its secret.")
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
      summary = "Unsubscribe; deliveries still pending are dropped",
      description =
          "Marketing, sales and admin keys, on their own subscriptions (admin keys: any)."
              + " Unsubscribes at once and answers 204: deliveries still pending are dropped"
              + " (marked `FAILED`), and the subscription is 404 `not-found` from then on. This"
              + " cannot be undone; subscribe again to receive events.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response delete(@PathParam("id") String id) {
    webhooks.delete(webhook(id), caller());
    return Response.noContent().build();
  }

  @POST
  @Idempotent
  @Path("{id}/rotate-secret")
  @Consumes(MediaType.WILDCARD) // no body: whatever a client labels its empty one
  @Operation(
      operationId = "rotateWebhookSecret",
      summary =
          "A new signing secret, shown only once; for BATON_WEBHOOK_SECRET_OVERLAP (24h) messages"
              + " carry both signatures",
      description =
          "Marketing, sales and admin keys, on their own subscriptions (admin keys: any). Answers"
              + " the subscription with a new `whsec_` `secret`, shown only in this answer; for"
              + " `BATON_WEBHOOK_SECRET_OVERLAP` (24 hours by default) every message carries two"
              + " signatures in `webhook-signature`, one per secret, so the receiver can switch"
              + " without missing a message. Rotating again ends the older secret's overlap at"
              + " once; an `Idempotency-Key` makes retries safe.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription and its new secret",
      content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response rotate(
      @PathParam("id") String id,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return Response.ok(webhooks.rotate(webhook(id), caller())).build();
  }

  private static UUID webhook(String id) {
    return Ids.parse(id, "webhook");
  }

  private Caller caller() {
    return Caller.of(identity);
  }
}
