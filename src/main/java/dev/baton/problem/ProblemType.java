package dev.baton.problem;

import java.util.Locale;

/**
 * Every kind of problem Baton answers: its slug (the {@code type} is {@code urn:baton:problem:} and
 * the slug), HTTP status and title, and when it comes. Every {@link Problem} and {@link
 * ProblemException} names one; docs/api.md prints them ({@link #markdown()}, checked by a test).
 */
public enum ProblemType {
  VALIDATION_ERROR(
      400,
      "Invalid request",
      "a field or query parameter is missing, of the wrong type, unknown or out of range; or"
          + " personal data in a URL (`GET /api/v1/leads?email=…` or `?owner=…`: search with `POST"
          + " /api/v1/leads/search`)"),
  MALFORMED_JSON(
      400,
      "Malformed JSON",
      "the body is not one well-formed JSON document (also: duplicate keys)"),
  BAD_REQUEST(400, "Bad request", "any other request the HTTP layer cannot read"),
  UNAUTHORIZED(401, "Unauthorized", "no key, or an unknown or revoked one"),
  FORBIDDEN(403, "Forbidden", "the key's role may not do this"),
  NOT_FOUND(404, "Not found", "no such resource or path"),
  METHOD_NOT_ALLOWED(405, "Method not allowed", "wrong HTTP method for the path"),
  NOT_ACCEPTABLE(
      406,
      "Not acceptable",
      "`Accept` excludes JSON (`application/problem+json` alone counts as JSON)"),
  TRANSITION_NOT_ALLOWED(
      409, "Move not allowed", "the funnel does not allow this move from the current status"),
  DUPLICATE_LEAD(
      409,
      "Duplicate lead",
      "the person (same email, trimmed and case-folded) has an open lead; `existingLeadId` and"
          + " `existingLeadLocation` name it"),
  EXTERNAL_REF_EXISTS(
      409,
      "External id already used",
      "another lead has this id in that system; `existingLeadId` names it"),
  REASON_EXISTS(409, "Conflict", "a rejection reason with that code exists"),
  LAST_ADMIN_KEY(409, "Conflict", "revoking the last active admin key"),
  DISPUTE_OPEN(
      409, "Dispute open", "the lead's rejection is already disputed, or a recycle while it is"),
  NOT_REJECTED(409, "Nothing to dispute", "a dispute of a lead that is not rejected"),
  NOT_REJECTED_BY_SALES(
      409, "Nothing to dispute", "a dispute of a lead that was rejected before sales had it"),
  NO_OPEN_DISPUTE(409, "No open dispute", "resolving a dispute that is not open"),
  NOT_WAITING(
      409, "Not waiting for sales", "reassigning a lead that is not QUALIFIED; `currentStatus`"),
  NOBODY_AVAILABLE(
      409,
      "Nobody available",
      "reassigning to a member who is inactive, away or at capacity, or to a queue where everyone"
          + " is"),
  LEAD_ERASED(
      409,
      "Lead erased",
      "editing, recycling or giving feedback on a lead whose personal data was erased"),
  WEBHOOK_DISABLED(
      409,
      "Webhook disabled",
      "changing or redelivering to a subscription whose receiver answered 410"),
  DELIVERY_IN_FLIGHT(
      409, "Delivery in flight", "redelivering a delivery that is being sent right now"),
  IMPORT_ENDED(
      409, "Import ended", "cancelling an import that already succeeded, failed or was cancelled"),
  IDEMPOTENCY_KEY_IN_FLIGHT(
      409, "Request in progress", "a request with this `Idempotency-Key` is still being processed"),
  PRECONDITION_FAILED(412, "Precondition failed", "`If-Match` names an older version"),
  PAYLOAD_TOO_LARGE(413, "Payload too large", "the body exceeds `BATON_MAX_BODY_SIZE`"),
  URI_TOO_LONG(414, "URI too long", "the request target (path and query) exceeds 4096 characters"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "the body is not JSON"),
  IDEMPOTENCY_KEY_REUSED(
      422, "Idempotency-Key reused", "the `Idempotency-Key` was used for another request"),
  PRECONDITION_REQUIRED(428, "Precondition required", "`PATCH` without `If-Match`"),
  RATE_LIMITED(
      429,
      "Too many requests",
      "the API key used its quota for the current window; retry after `Retry-After`"),
  HEADER_FIELDS_TOO_LARGE(
      431, "Request header fields too large", "the request's header fields exceed 20 KiB"),
  INTERNAL_ERROR(
      500, "Internal error", "a fault of Baton's; logged, never with details in the answer"),
  DATABASE_UNAVAILABLE(
      503,
      "Database unavailable",
      "PostgreSQL cannot be reached right now; nothing was changed, retry after `Retry-After`"),
  BUSY(
      503,
      "Busy",
      "concurrent changes got in the way, every database connection is busy, or a batch waited"
          + " too long for its turn; nothing was changed, retry after `Retry-After`"),
  HTTP_VERSION_NOT_SUPPORTED(
      505,
      "HTTP version not supported",
      "a request line naming another protocol than HTTP/1.0 or HTTP/1.1");

  static final String URI_PREFIX = "urn:baton:problem:";

  private final int status;
  private final String title;
  private final String when;

  ProblemType(int status, String title, String when) {
    this.status = status;
    this.title = title;
    this.when = when;
  }

  /** {@code DUPLICATE_LEAD} is {@code duplicate-lead}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The problem's {@code type}: {@code urn:baton:problem:duplicate-lead}. */
  public String uri() {
    return URI_PREFIX + slug();
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The types as a Markdown table, for docs/api.md. */
  public static String markdown() {
    StringBuilder table = new StringBuilder("| `type` | status | when |\n|---|---|---|\n");
    for (ProblemType type : values()) {
      table
          .append("| `")
          .append(type.uri())
          .append("` | ")
          .append(type.status)
          .append(" | ")
          .append(type.when)
          .append(" |\n");
    }
    return table.toString();
  }
}
