package dev.baton.client.nativeclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.client.CallLog;
import dev.baton.client.jnative.ApiClient;
import dev.baton.client.jnative.ApiException;
import dev.baton.client.jnative.api.ApiKeysApi;
import dev.baton.client.jnative.api.LeadsApi;
import dev.baton.client.jnative.model.Attribution;
import dev.baton.client.jnative.model.Contact;
import dev.baton.client.jnative.model.InitialStatus;
import dev.baton.client.jnative.model.Lead;
import dev.baton.client.jnative.model.NewApiKey;
import dev.baton.client.jnative.model.NewLead;
import dev.baton.client.jnative.model.Problem;
import dev.baton.client.jnative.model.Role;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.function.Executable;

/**
 * Native clients of the application under test, one per role, every request of which goes into one
 * {@link CallLog}.
 */
final class Clients {

  static final CallLog CALLS = new CallLog();
  static final String ADMIN_KEY = "test-admin-key";

  /** The generated client's own mapper, configured for its models. */
  static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

  private static final Map<Role, String> KEYS = new ConcurrentHashMap<>();

  private Clients() {}

  static String baseUrl() {
    return "http://localhost:" + RestAssured.port;
  }

  static ApiClient admin() {
    return withKey(ADMIN_KEY);
  }

  /** A client with a key of this role, created through the client itself. */
  static ApiClient as(Role role) {
    return withKey(
        KEYS.computeIfAbsent(
            role,
            r -> {
              try {
                return new ApiKeysApi(admin())
                    .createApiKey(new NewApiKey().name("native-" + r).role(r), null)
                    .getKey();
              } catch (ApiException e) {
                throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
              }
            }));
  }

  static ApiClient withKey(String apiKey) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUrl());
    // The native library has no bearer authentication of its own: the header goes on every request.
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
    client.setResponseInterceptor(
        response ->
            CALLS.record(
                response.request().method(), response.uri().getRawPath(), response.statusCode()));
    return client;
  }

  /** Runs a call that must be refused with this status, and reads its problem as the model. */
  static Problem refused(int status, Executable call) {
    ApiException refusal = assertThrows(ApiException.class, call);
    assertEquals(status, refusal.getCode(), refusal.getResponseBody());
    assertTrue(
        refusal
            .getResponseHeaders()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        refusal.getResponseBody());
    Problem problem;
    try {
      problem = JSON.readValue(refusal.getResponseBody(), Problem.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertEquals(status, problem.getStatus());
    return problem;
  }

  /** The first value of a response header, whatever the case of its name. */
  static String header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .flatMap(h -> h.getValue().stream())
        .findFirst()
        .orElse("");
  }

  static String email() {
    return "native-" + UUID.randomUUID() + "@example.com";
  }

  static NewLead newLead(String source) {
    return new NewLead()
        .contact(new Contact().email(email()).firstName("Ada").lastName("Lovelace"))
        .attribution(new Attribution().source(source).campaign("client-tour"));
  }

  static Lead handOff(InitialStatus status) throws ApiException {
    return new LeadsApi(admin()).handOffLead(newLead("native").status(status), null);
  }
}
