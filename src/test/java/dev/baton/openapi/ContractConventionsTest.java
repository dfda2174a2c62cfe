package dev.baton.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.event.EventType;
import dev.baton.testing.Ops;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract says what the server enforces and sends, in the forms generators and validating
 * proxies read correctly: each rule here stands for a generated client or a validator that failed.
 */
@QuarkusTest
class ContractConventionsTest {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private JsonPath doc;

  @BeforeEach
  void read() {
    doc =
        new JsonPath(
            Ops.given().accept("application/json").get("/q/openapi?format=json").asString());
  }

  @Test
  void everyOperationListsItsSuccessFirstAndHasADescription() {
    List<String> defects = new ArrayList<>();
    operations()
        .forEach(
            (where, operation) -> {
              Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
              String first = responses.keySet().iterator().next().toString();
              if (!first.startsWith("2")) {
                defects.add(where + ": first response is " + first);
              }
              Object description = operation.get("description");
              if (description == null || description.toString().isBlank()) {
                defects.add(where + ": no description");
              }
            });
    assertTrue(defects.isEmpty(), String.join("\n", defects));
  }

  @Test
  void everyParameterIsTyped() {
    Map<String, Map<String, Object>> shared = doc.getMap("components.parameters");
    List<String> defects = new ArrayList<>();
    operations()
        .forEach(
            (where, operation) -> {
              for (Object listed : list(operation.get("parameters"))) {
                Map<?, ?> parameter = (Map<?, ?>) listed;
                if (parameter.get("$ref") != null) {
                  String ref = parameter.get("$ref").toString();
                  parameter = shared.get(ref.substring(ref.lastIndexOf('/') + 1));
                }
                Map<?, ?> schema = (Map<?, ?>) parameter.get("schema");
                if (schema == null || (schema.get("type") == null && schema.get("$ref") == null)) {
                  defects.add(where + ": parameter " + parameter.get("name") + " has no type");
                }
              }
            });
    assertTrue(defects.isEmpty(), String.join("\n", defects));
  }

  @Test
  void requestBodiesRefuseUnknownMembersExceptAttributes() {
    List<String> defects = new ArrayList<>();
    List<Object> roots = new ArrayList<>();
    operations()
        .forEach(
            (where, operation) -> {
              Map<?, ?> body = (Map<?, ?>) operation.get("requestBody");
              if (body != null) {
                ((Map<?, ?>) body.get("content"))
                    .values()
                    .forEach(media -> roots.add(((Map<?, ?>) media).get("schema")));
              }
            });
    for (Map<?, ?> schema : reachable(roots)) {
      Object type = schema.get("type");
      boolean object = "object".equals(type) || list(type).contains("object");
      Object additional = schema.get("additionalProperties");
      boolean readOnlyMembers =
          schema.get("properties") instanceof Map<?, ?> members
              && members.values().stream()
                  .anyMatch(
                      m -> m instanceof Map<?, ?> p && Boolean.TRUE.equals(p.get("readOnly")));
      if (object
          && schema.get("properties") != null
          && !readOnlyMembers
          && !Boolean.FALSE.equals(additional)) {
        defects.add(schema.keySet() + " " + schema.get("description"));
      }
    }
    assertFalse(roots.isEmpty());
    assertTrue(defects.isEmpty(), "request objects allowing unknown members: " + defects);
    assertEquals(
        Map.of(),
        doc.getMap("components.schemas.NewLead.properties.attributes.additionalProperties"));
  }

  @Test
  void problemsDeclareTheirMembersAndAllowNewOnes() {
    assertEquals(true, doc.get("components.schemas.Problem.additionalProperties"));
    Map<String, Object> members = doc.getMap("components.schemas.Problem.properties");
    for (String member :
        List.of(
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "errors",
            "requestId",
            "currentStatus",
            "allowedActions",
            "currentVersion",
            "existingLeadId",
            "existingLeadLocation")) {
      assertTrue(members.containsKey(member), "Problem does not declare " + member);
    }
  }

  @Test
  void decimalsCarryNoMultipleOfAndTheServerIsRelative() {
    String json = Ops.given().accept("application/json").get("/q/openapi?format=json").asString();
    assertFalse(json.contains("multipleOf"), "validators test multipleOf in binary floating point");
    assertEquals("/", doc.getString("servers[0].url"));
  }

  @Test
  void aReferenceIsNotGivenATypeBesideIt() {
    List<Object> roots = new ArrayList<>(doc.getMap("components.schemas").values());
    List<String> defects = new ArrayList<>();
    for (Map<?, ?> schema : reachable(roots)) {
      if (schema.get("$ref") != null && schema.get("type") != null) {
        defects.add(schema.get("$ref") + " with type " + schema.get("type"));
      }
    }
    assertTrue(defects.isEmpty(), "generators drop these types: " + defects);
  }

  @Test
  void everyEventTypeHasATypedEventAndAWebhookMessage() {
    Map<String, String> events = doc.getMap("components.schemas.Event.discriminator.mapping");
    assertEquals(new LinkedHashSet<>(EventType.names()), events.keySet());
    assertEquals("type", doc.getString("components.schemas.Event.discriminator.propertyName"));
    Map<String, Object> webhooks = doc.getMap("webhooks");
    List<String> expected = new ArrayList<>(EventType.names());
    expected.add("webhook.test");
    assertEquals(new LinkedHashSet<>(expected), webhooks.keySet());
    for (String type : EventType.names()) {
      String event = events.get(type).substring(events.get(type).lastIndexOf('/') + 1);
      assertEquals(
          List.of(type), doc.getList("components.schemas." + event + ".properties.type.enum"));
      String data = doc.getString("components.schemas." + event + ".properties.data.$ref");
      assertTrue(data.endsWith("Data"), type + " has untyped data: " + data);
    }
    assertEquals(
        new LinkedHashSet<>(expected),
        doc.getMap("components.schemas.WebhookMessage.discriminator.mapping").keySet());
  }

  private Map<String, Map<String, Object>> operations() {
    Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
    Map<String, Map<String, Object>> operations = new java.util.LinkedHashMap<>();
    paths.forEach(
        (path, items) ->
            items.forEach(
                (method, operation) -> {
                  if (METHODS.contains(method)) {
                    operations.put(method.toUpperCase() + " " + path, operation);
                  }
                }));
    assertFalse(operations.isEmpty());
    return operations;
  }

  /** Every schema object reachable from the roots, through references, members and items. */
  private List<Map<?, ?>> reachable(List<Object> roots) {
    Map<String, Object> components = doc.getMap("components.schemas");
    List<Map<?, ?>> found = new ArrayList<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    List<Object> pending = new ArrayList<>(roots);
    while (!pending.isEmpty()) {
      Object next = pending.remove(pending.size() - 1);
      if (!(next instanceof Map<?, ?> schema) || seen.put(schema, true) != null) {
        continue;
      }
      found.add(schema);
      if (schema.get("$ref") != null) {
        String ref = schema.get("$ref").toString();
        pending.add(components.get(ref.substring(ref.lastIndexOf('/') + 1)));
      }
      if (schema.get("properties") instanceof Map<?, ?> members) {
        pending.addAll(members.values());
      }
      pending.add(schema.get("items"));
      pending.addAll(list(schema.get("oneOf")));
      pending.addAll(list(schema.get("allOf")));
    }
    return found;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
