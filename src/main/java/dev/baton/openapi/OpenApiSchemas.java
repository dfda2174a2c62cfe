package dev.baton.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** The rules {@link OpenApiConventions} applies to the document's schemas as a whole. */
final class OpenApiSchemas {

  private static final String SCHEMAS = "#/components/schemas/";

  private OpenApiSchemas() {}

  /**
   * Every object a request body may hold says {@code additionalProperties: false}: the server
   * refuses unknown members (400), so validators and generated clients should too. Objects that say
   * otherwise already (the free-form {@code attributes}) keep what they say, and so do objects with
   * read-only members, which a client may send back as it read them (the server ignores those).
   */
  static void strictRequests(OpenAPI openAPI) {
    List<Schema> bodies = new ArrayList<>();
    operations(openAPI)
        .forEach(
            operation -> {
              if (operation.getRequestBody() != null) {
                add(bodies, operation.getRequestBody().getContent());
              }
            });
    for (Schema schema : walk(bodies, openAPI.getComponents())) {
      boolean object = schema.getType() != null && schema.getType().contains(SchemaType.OBJECT);
      // Validators drop read-only members from a request's schema, then refuse them as unknown
      // when a client sends back what it read (the SLA policy); the server ignores them.
      boolean readOnlyMembers =
          schema.getProperties() != null
              && schema.getProperties().values().stream()
                  .anyMatch(member -> Boolean.TRUE.equals(member.getReadOnly()));
      // A reference is described where it points: a keyword beside $ref would constrain the
      // member again (in OpenAPI 3.1, additionalProperties: false there refuses every property).
      if (object
          && schema.getRef() == null
          && !readOnlyMembers
          && schema.getAdditionalPropertiesBoolean() == null
          && schema.getAdditionalPropertiesSchema() == null) {
        schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
      }
    }
  }

  /**
   * Decimals are JSON numbers whose scale is said in words, not with {@code multipleOf}: validators
   * test {@code multipleOf} in binary floating point, where 19.99 is no multiple of 0.0001.
   */
  static void plainDecimals(OpenAPI openAPI) {
    List<Schema> roots = new ArrayList<>(openAPI.getComponents().getSchemas().values());
    for (Schema schema : walk(roots, openAPI.getComponents())) {
      BigDecimal step = schema.getMultipleOf();
      if (step != null) {
        schema.setMultipleOf(null);
        String scale =
            "At most " + step.stripTrailingZeros().scale() + " decimal places; more are refused.";
        String description = schema.getDescription();
        schema.setDescription(description == null ? scale : description + ". " + scale);
      }
    }
  }

  /**
   * A reference says the type: annotations on a member also give it {@code type: object} or {@code
   * type: string} beside its {@code $ref}, which generators warn about and drop.
   */
  static void typesOnlyInReferencedSchemas(OpenAPI openAPI) {
    List<Schema> roots = new ArrayList<>(openAPI.getComponents().getSchemas().values());
    for (Schema schema : walk(roots, null)) {
      if (schema.getRef() != null && schema.getType() != null) {
        schema.setType(null);
      }
    }
  }

  /** Replaces the component named after a Java type by an inline string schema. */
  static void inline(OpenAPI openAPI, String component, String format) {
    Components components = openAPI.getComponents();
    if (components.getSchemas().get(component) == null) {
      return;
    }
    components.removeSchema(component);
    List<Schema> all = new ArrayList<>(components.getSchemas().values());
    operations(openAPI)
        .forEach(
            operation -> {
              if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> add(all, p.getSchema()));
              }
              if (operation.getRequestBody() != null) {
                add(all, operation.getRequestBody().getContent());
              }
              if (operation.getResponses() != null) {
                operation
                    .getResponses()
                    .getAPIResponses()
                    .values()
                    .forEach(r -> add(all, r.getContent()));
              }
            });
    String ref = SCHEMAS + component;
    for (Schema schema : walk(all, null)) {
      if (ref.equals(schema.getRef())) {
        schema.setRef(null);
        schema.setType(new ArrayList<>(List.of(SchemaType.STRING)));
        schema.setFormat(format);
      }
    }
  }

  private static List<Operation> operations(OpenAPI openAPI) {
    List<Operation> operations = new ArrayList<>();
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(item -> operations.addAll(item.getOperations().values()));
    return operations;
  }

  private static void add(List<Schema> all, Schema schema) {
    if (schema != null) {
      all.add(schema);
    }
  }

  private static void add(List<Schema> all, Content content) {
    if (content != null && content.getMediaTypes() != null) {
      for (MediaType media : content.getMediaTypes().values()) {
        add(all, media.getSchema());
      }
    }
  }

  /**
   * Every schema reachable from the roots, through members, items and compositions; and through
   * references to components, when components are given.
   */
  private static List<Schema> walk(List<Schema> roots, Components components) {
    List<Schema> found = new ArrayList<>();
    List<Schema> pending = new ArrayList<>(roots);
    Map<Schema, Boolean> seen = new IdentityHashMap<>();
    while (!pending.isEmpty()) {
      Schema schema = pending.remove(pending.size() - 1);
      if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
        continue;
      }
      found.add(schema);
      if (components != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
        add(pending, components.getSchemas().get(schema.getRef().substring(SCHEMAS.length())));
      }
      if (schema.getProperties() != null) {
        pending.addAll(schema.getProperties().values());
      }
      add(pending, schema.getItems());
      add(pending, schema.getAdditionalPropertiesSchema());
      for (List<Schema> group :
          List.of(
              nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
        pending.addAll(group);
      }
    }
    return found;
  }

  private static List<Schema> nonNull(List<Schema> list) {
    return list == null ? List.of() : list;
  }
}
