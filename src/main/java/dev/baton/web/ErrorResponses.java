package dev.baton.web;

/**
 * Names of the shared error responses of the OpenAPI document (components.responses in
 * src/main/resources/META-INF/openapi.yaml), for {@code @APIResponse(ref = ...)}. 401 and 500 are
 * added to every operation by {@code OpenApiConventions}.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static final String BAD_REQUEST = "BadRequest";
  public static final String FORBIDDEN = "Forbidden";
  public static final String NOT_FOUND = "NotFound";
  public static final String CONFLICT = "Conflict";
  public static final String PRECONDITION_FAILED = "PreconditionFailed";
  public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
  public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
  public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
}
