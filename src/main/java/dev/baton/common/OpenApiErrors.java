package dev.baton.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** Adds the answers every API operation can give: 401 without a valid key, and 500. */
public class OpenApiErrors implements OASFilter {

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      return operation;
    }
    if (!responses.hasAPIResponse("401")) {
      responses.addAPIResponse(
          "401", OASFactory.createAPIResponse().ref("#/components/responses/Unauthorized"));
    }
    if (!responses.hasAPIResponse("500")) {
      responses.addAPIResponse(
          "500", OASFactory.createAPIResponse().ref("#/components/responses/InternalError"));
    }
    return operation;
  }
}
