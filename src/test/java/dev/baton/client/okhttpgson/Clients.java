package dev.baton.client.okhttpgson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.CallLog;
import dev.baton.client.gson.ApiClient;
import dev.baton.client.gson.ApiException;
import dev.baton.client.gson.api.ApiKeysApi;
import dev.baton.client.gson.api.LeadsApi;
import dev.baton.client.gson.model.Attribution;
import dev.baton.client.gson.model.Contact;
import dev.baton.client.gson.model.InitialStatus;
import dev.baton.client.gson.model.Lead;
import dev.baton.client.gson.model.NewApiKey;
import dev.baton.client.gson.model.NewLead;
import dev.baton.client.gson.model.Problem;
import dev.baton.client.gson.model.Role;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Response;
import org.junit.jupiter.api.function.Executable;

/**
 * okhttp-gson clients of the application under test, one per role, every request of which goes into
 * one {@link CallLog}.
 */
final class Clients {

  static final CallLog CALLS = new CallLog();
  static final String ADMIN_KEY = "test-admin-key";

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
                    .createApiKey(new NewApiKey().name("okhttp-gson-" + r).role(r), null)
                    .getKey();
              } catch (ApiException e) {
                throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
              }
            }));
  }

  static ApiClient withKey(String apiKey) {
    // snippet:create-client
    ApiClient client = new ApiClient();
    client.setBasePath(baseUrl()); // e.g. https://baton.example.com
    client.setBearerToken(apiKey); // sent as Authorization: Bearer <key>
    // end-snippet
    client.setHttpClient(
        client
            .getHttpClient()
            .newBuilder()
            .addInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  CALLS.record(
                      chain.request().method(),
                      chain.request().url().encodedPath(),
                      response.code());
                  return response;
                })
            .build());
    return client;
  }

  /** Runs a call that must be refused with this status, and reads its problem as the model. */
  static Problem refused(int status, Executable call) {
    ApiException refusal = assertThrows(ApiException.class, call);
    assertEquals(status, refusal.getCode(), refusal.getResponseBody());
    assertTrue(
        header(refusal.getResponseHeaders(), "Content-Type").startsWith("application/problem+json"),
        refusal.getResponseBody());
    Problem problem;
    try {
      problem = Problem.fromJson(refusal.getResponseBody());
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
    return "okhttp-gson-" + UUID.randomUUID() + "@example.com";
  }

  static NewLead newLead(String source) {
    return new NewLead()
        .contact(new Contact().email(email()).firstName("Ada").lastName("Lovelace"))
        .attribution(new Attribution().source(source).campaign("client-tour"));
  }

  static Lead handOff(InitialStatus status) throws ApiException {
    return new LeadsApi(admin()).handOffLead(newLead("okhttp-gson").status(status), null);
  }
}
