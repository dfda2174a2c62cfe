package dev.baton.apikey;

import dev.baton.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API key resource on the wire. */
public final class ApiKeyRecords {

  private ApiKeyRecords() {}

  /** The largest quota a key may be given: far above any real one, and safe from overflow. */
  static final int MAX_RATE_LIMIT = 100_000_000;

  private static final String RATE_LIMIT =
      "This key's quota: requests per rate-limit window (BATON_RATE_LIMIT_WINDOW, one minute by"
          + " default). Absent: the default quota (BATON_RATE_LIMIT_REQUESTS_PER_WINDOW).";

  @Schema(name = "NewApiKey")
  public record NewApiKey(
      @Schema(
              required = true,
              description = "Who uses the key, e.g. 'hubspot-sync'",
              examples = "hubspot-sync")
          @NotBlank
          @Size(max = 100)
          String name,
      @Schema(required = true) @NotNull Role role,
      @Schema(description = RATE_LIMIT, minimum = "1", maximum = "100000000", examples = "600")
          @Min(1)
          @Max(MAX_RATE_LIMIT)
          Integer rateLimit) {}

  @Schema(name = "ApiKey", description = "An API key; the key itself is never shown again")
  public record ApiKeyView(
      @Schema(required = true) UUID id,
      @Schema(required = true) String name,
      @Schema(required = true) Role role,
      @Schema(required = true, description = "The first characters of the key, to recognise it")
          String prefix,
      @Schema(required = true) Instant createdAt,
      @Schema(description = "When the key was revoked; absent while it works") Instant revokedAt,
      @Schema(description = RATE_LIMIT) Integer rateLimit) {

    static ApiKeyView from(ApiKey key) {
      return new ApiKeyView(
          key.getId(),
          key.getName(),
          key.getRole(),
          key.getKeyPrefix(),
          key.getCreatedAt(),
          key.getRevokedAt(),
          key.getRateLimit());
    }
  }

  @Schema(name = "CreatedApiKey", description = "A new API key, with the key shown this once")
  public record CreatedApiKey(
      @Schema(required = true) UUID id,
      @Schema(required = true) String name,
      @Schema(required = true) Role role,
      @Schema(required = true) String prefix,
      @Schema(required = true) Instant createdAt,
      @Schema(description = RATE_LIMIT) Integer rateLimit,
      @Schema(
              description =
                  "The secret to send as 'Authorization: Bearer <key>'. Shown only now: absent"
                      + " when an Idempotency-Key replays this answer.")
          String key) {}
}
