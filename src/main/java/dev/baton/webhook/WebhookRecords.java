package dev.baton.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Webhooks on the wire. */
public final class WebhookRecords {

  private WebhookRecords() {}

  @Schema(name = "NewWebhook")
  public record NewWebhook(
      @Schema(
              required = true,
              description = "https URL the events are POSTed to",
              examples = "https://hooks.example.com/baton")
          @NotBlank
          @Size(max = 2000)
          String url,
      @Schema(
              nullable = true,
              description = "Event types to deliver; absent, null or empty: every event type")
          @Size(max = 50)
          List<@NotNull String> eventTypes,
      @Size(max = 500) String description) {}

  @Schema(name = "WebhookPatch", description = "Fields to change; absent fields stay as they are")
  public record WebhookPatch(
      @Size(max = 2000) String url,
      @Schema(
              nullable = true,
              description = "Event types to deliver from now on; null or empty: every event type")
          @Size(max = 50)
          List<@NotNull String> eventTypes,
      @Size(max = 500) String description,
      @Schema(description = "true pauses deliveries (they wait), false resumes them")
          Boolean paused) {}

  @Schema(name = "Webhook")
  public record WebhookView(
      @Schema(required = true) UUID id,
      @Schema(required = true) String url,
      @Schema(description = "Absent: every event type") List<String> eventTypes,
      String description,
      @Schema(
              required = true,
              description =
                  "ACTIVE; PAUSED (by its owner, or by Baton after failing too long: deliveries"
                      + " wait); DISABLED (the receiver answered 410: nothing more is sent)")
          Webhook.State state,
      @Schema(description = "Why it is paused or disabled") String stateReason,
      @Schema(description = "Since when every delivery has failed, if they do")
          Instant failingSince,
      @Schema(required = true) Instant createdAt,
      @Schema(required = true) Instant updatedAt) {}

  @Schema(
      name = "WebhookWithSecret",
      description = "A subscription and its signing secret, shown only in this answer")
  public record WebhookWithSecret(
      @Schema(required = true) WebhookView webhook,
      @Schema(
              required = true,
              description =
                  "whsec_ + base64 of 32 random bytes; verify webhook-signature with it (Standard"
                      + " Webhooks)")
          String secret) {}

  @Schema(name = "WebhookPage")
  public record WebhookPage(@Schema(required = true) List<WebhookView> data, String nextCursor) {}

  @Schema(name = "WebhookAttempt")
  public record AttemptView(
      @Schema(required = true) Instant at,
      @Schema(description = "The receiver's HTTP status; absent when none came") Integer statusCode,
      @Schema(required = true) int latencyMs,
      @Schema(description = "What went wrong, without the receiver's response body")
          String error) {}

  @Schema(name = "WebhookDelivery")
  public record DeliveryView(
      @Schema(required = true, description = "Also the webhook-id header, stable across attempts")
          String id,
      @Schema(required = true) UUID eventId,
      @Schema(required = true) String eventType,
      @Schema(required = true) UUID leadId,
      @Schema(required = true, description = "PENDING, SUCCEEDED or FAILED (gave up)")
          String status,
      @Schema(required = true) int attempts,
      @Schema(description = "When the next attempt is due, while PENDING") Instant nextAttemptAt,
      @Schema(required = true) Instant createdAt,
      @Schema(required = true) List<AttemptView> attemptLog) {}

  @Schema(name = "WebhookDeliveryPage")
  public record DeliveryPage(@Schema(required = true) List<DeliveryView> data, String nextCursor) {}

  @Schema(name = "WebhookTestResult", description = "How the receiver answered a signed ping")
  public record TestResult(
      @Schema(description = "Absent when no answer came") Integer statusCode,
      @Schema(required = true) int latencyMs,
      @Schema(required = true) boolean success,
      String error) {}
}
