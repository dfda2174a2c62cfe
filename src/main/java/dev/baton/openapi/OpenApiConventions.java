package dev.baton.openapi;

import dev.baton.event.EventContract;
import dev.baton.lead.Action;
import dev.baton.lead.LeadPatchContract;
import dev.baton.web.RequestIdFilter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The conventions of Baton's OpenAPI document that annotations cannot express, applied once to the
 * generated document so that generated clients are pleasant:
 *
 * <ul>
 *   <li>every operation answers 401, 406, 500 and 503, and its 401/403 are the problem+json
 *       responses;
 *   <li>every operation may answer 429 (the key's rate limit), and its successful answers carry the
 *       {@code RateLimit} and {@code RateLimit-Policy} headers;
 *   <li>path ids are UUIDs;
 *   <li>UUIDs and timestamps are inline strings, not components named after Java types;
 *   <li>{@code Problem} documents its extension members;
 *   <li>every response names the X-Request-Id header;
 *   <li>{@code LeadPatch}, the merge patch, is derived from the lead's own schemas ({@link
 *       LeadPatchContract});
 *   <li>events and webhook messages are typed per event type ({@link EventContract});
 *   <li>request objects are closed, decimals carry no {@code multipleOf}, a reference stands alone
 *       ({@link OpenApiSchemas}).
 * </ul>
 *
 * <p>It runs while the application is built, so the document served is ready at start.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

  private static final String SCHEMAS = "#/components/schemas/";
  private static final String RESPONSES = "#/components/responses/";
  private static final String REQUEST_ID = "RequestId";
  private static final String HEADERS = "#/components/headers/";

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses != null) {
      responses.addAPIResponse("401", response("Unauthorized"));
      responses.addAPIResponse("406", response("NotAcceptable"));
      if (operation.getRequestBody() != null) {
        responses.addAPIResponse("413", response("PayloadTooLarge"));
        responses.addAPIResponse("415", response("UnsupportedMediaType"));
      }
      boolean idempotent =
          operation.getParameters() != null
              && operation.getParameters().stream()
                  .anyMatch(p -> "#/components/parameters/idempotencyKey".equals(p.getRef()));
      if (idempotent) {
        if (!responses.hasAPIResponse("409")) {
          responses.addAPIResponse("409", response("Conflict"));
        }
        responses.addAPIResponse("422", response("IdempotencyKeyReused"));
      }
      if (responses.hasAPIResponse("403")) {
        responses.addAPIResponse("403", response("Forbidden"));
      }
      rateLimited(responses);
      if (!responses.hasAPIResponse("500")) {
        responses.addAPIResponse("500", response("InternalError"));
      }
      responses.addAPIResponse("503", response("Busy"));
      responses.getAPIResponses().values().forEach(OpenApiConventions::withRequestId);
      successFirst(responses);
    }
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        if (parameter.getIn() == Parameter.In.PATH && "id".equals(parameter.getName())) {
          parameter.setSchema(OASFactory.createSchema().addType(SchemaType.STRING).format("uuid"));
        }
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getRef() == null && schema.getType() == null) {
          schema.setType(new ArrayList<>(List.of(SchemaType.STRING)));
        }
      }
    }
    return operation;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    OpenApiSchemas.inline(openAPI, "UUID", "uuid");
    OpenApiSchemas.inline(openAPI, "Instant", "date-time");
    openAPI
        .getComponents()
        .addSchema(
            "Action",
            OASFactory.createSchema()
                .addType(SchemaType.STRING)
                .description("A funnel move")
                .enumeration(
                    new ArrayList<>(Arrays.stream(Action.values()).map(Enum::name).toList())));
    describeProblemMembers(openAPI.getComponents().getSchemas().get("Problem"));
    describeRequestId(openAPI.getComponents());

    LeadPatchContract.describe(openAPI.getComponents());
    openAPI.getPaths().getPathItems().forEach(OpenApiConventions::pathParametersInPathOrder);
    EventContract.describe(openAPI);
    OpenApiSchemas.strictRequests(openAPI);
    OpenApiSchemas.plainDecimals(openAPI);
    OpenApiSchemas.typesOnlyInReferencedSchemas(openAPI);
  }

  /**
   * Success first, then the errors by status: generators take the first media type an operation
   * lists for their {@code Accept} header, and read the first 2xx as the operation's result.
   */
  private static void successFirst(APIResponses responses) {
    Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
    responses.setAPIResponses(new LinkedHashMap<>(sorted));
  }

  /**
   * Path parameters in the order the path names them, then the others: generated clients take them
   * as arguments in this order, and {@code upsert(system, externalId)} must not come out as {@code
   * upsert(externalId, system)}, two strings a caller could swap unnoticed.
   */
  private static void pathParametersInPathOrder(String path, PathItem item) {
    for (Operation operation : item.getOperations().values()) {
      List<Parameter> parameters = operation.getParameters();
      if (parameters == null) {
        continue;
      }
      List<Parameter> ordered = new ArrayList<>(parameters);
      ordered.sort(
          Comparator.comparingInt(
              p ->
                  p.getIn() == Parameter.In.PATH
                      ? path.indexOf("{" + p.getName() + "}")
                      : Integer.MAX_VALUE));
      operation.setParameters(ordered);
    }
  }

  /** Every API call is counted against its key's quota: 429 beyond it, headers on success. */
  private static void rateLimited(APIResponses responses) {
    responses.addAPIResponse("429", response("TooManyRequests"));
    responses
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              if (code.startsWith("2") && response.getRef() == null) {
                for (String header : List.of("RateLimit", "RateLimit-Policy")) {
                  response.addHeader(header, OASFactory.createHeader().ref(HEADERS + header));
                }
              }
            });
  }

  private static APIResponse response(String name) {
    return OASFactory.createAPIResponse().ref(RESPONSES + name);
  }

  private static void describeProblemMembers(Schema problem) {
    // A member added in a later version must not break a client generated from this one.
    problem.setAdditionalPropertiesBoolean(Boolean.TRUE);
    problem.addProperty(
        "existingLeadId",
        OASFactory.createSchema()
            .addType(SchemaType.STRING)
            .format("uuid")
            .description(
                "The lead that is in the way (duplicate-lead: the person's open lead;"
                    + " external-ref-exists: the lead with that external id)"));
    problem.addProperty(
        "existingLeadLocation",
        OASFactory.createSchema()
            .addType(SchemaType.STRING)
            .format("uri-reference")
            .description("Where to read that lead, e.g. `/api/v1/leads/{existingLeadId}`"));
    problem.addProperty(
        "currentStatus",
        OASFactory.createSchema()
            .ref(SCHEMAS + "LeadStatus")
            .description("The lead's status (transition-not-allowed)"));
    problem.addProperty(
        "allowedActions",
        OASFactory.createSchema()
            .addType(SchemaType.ARRAY)
            .items(OASFactory.createSchema().ref(SCHEMAS + "Action"))
            .description("The moves allowed from currentStatus (transition-not-allowed)"));
    problem.addProperty(
        "currentVersion",
        OASFactory.createSchema()
            .addType(SchemaType.INTEGER)
            .format("int64")
            .description("The lead's current version (precondition-failed)"));
    problem.addProperty(
        "requestId",
        OASFactory.createSchema()
            .addType(SchemaType.STRING)
            .description("The request's id, as in the X-Request-Id header: quote it to support"));
  }

  /**
   * Every answer carries X-Request-Id (RequestIdFilter): one header component, named by each
   * response.
   */
  private static void describeRequestId(Components components) {
    components.addHeader(
        REQUEST_ID,
        OASFactory.createHeader()
            .description(
                "The id of this request in Baton's logs: the request's own X-Request-Id when it is"
                    + " 1 to 128 characters of letters, digits and . _ : -, otherwise a new UUID")
            .schema(OASFactory.createSchema().addType(SchemaType.STRING).maxLength(128)));
    components.getResponses().values().forEach(OpenApiConventions::withRequestId);
  }

  private static void withRequestId(APIResponse response) {
    if (response.getRef() == null) {
      response.addHeader(
          RequestIdFilter.HEADER,
          OASFactory.createHeader().ref("#/components/headers/" + REQUEST_ID));
    }
  }
}
