package dev.baton.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Discriminator;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * What events look like in the contract, so that feed readers get generated models: one schema per
 * event type, {@code LeadAcceptedEvent} with its {@code LeadAcceptedData}, gathered in {@code
 * Event} (a oneOf on {@code type}). Webhook messages are built from the same data ({@link
 * WebhookMessageContract}).
 *
 * <p>The data of each type is written by hand in {@code META-INF/openapi.yaml} ({@code
 * LeadAcceptedData}…); the common members come from {@link EventView}. A type of {@link EventType}
 * without its data schema stops the build.
 */
public final class EventContract {

  private static final String SCHEMAS = "#/components/schemas/";

  private EventContract() {}

  public static void describe(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    Map<String, Schema> schemas = components.getSchemas();
    Schema common = schemas.get("Event");
    Schema events =
        oneOfByType(
            "Something that happened to a lead: `type` says what, and `data` holds that type's"
                + " inputs. A later version may add event types, which a client generated from"
                + " this version cannot read: a reader that must never meet one asks the feed"
                + " for the types it knows (`types`).");
    for (EventType eventType : EventType.values()) {
      String type = eventType.value();
      String name = name(type);
      components.addSchema(name + "Event", event(common, type, name, dataOf(schemas, type)));
      addVariant(events, type, name + "Event");
    }
    WebhookMessageContract.describe(openAPI, common);
    components.addSchema("Event", events);
    typedEventTypes(openAPI);
  }

  /**
   * Where a caller names event types (a subscription's {@code eventTypes}, the feed's and the
   * export's {@code types}), the contract lists them, as the server checks them. Answers keep plain
   * strings, so that a type added later never makes an older client fail to read a subscription.
   */
  private static void typedEventTypes(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    components.addSchema(
        "EventType",
        OASFactory.createSchema()
            .addType(SchemaType.STRING)
            .description("An event type")
            .enumeration(new ArrayList<>(EventType.names())));
    for (String request : List.of("NewWebhook", "WebhookPatch")) {
      components
          .getSchemas()
          .get(request)
          .getProperties()
          .get("eventTypes")
          .setItems(ref("EventType"));
    }
    for (String path : List.of("/api/v1/events", "/api/v1/exports/events")) {
      openAPI.getPaths().getPathItem(path).getGET().getParameters().stream()
          .filter(parameter -> "types".equals(parameter.getName()))
          .forEach(
              parameter ->
                  parameter
                      .style(Parameter.Style.FORM)
                      .explode(false)
                      .schema(
                          OASFactory.createSchema()
                              .addType(SchemaType.ARRAY)
                              .items(ref("EventType"))));
    }
  }

  /** lead.feedback_added → LeadFeedbackAdded. */
  static String name(String type) {
    StringBuilder name = new StringBuilder();
    for (String word : type.split("[._]")) {
      name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return name.toString();
  }

  /** The data schema of an event type, written by hand in META-INF/openapi.yaml. */
  static Schema dataOf(Map<String, Schema> schemas, String type) {
    String name = name(type);
    Schema data = schemas.get(name + "Data");
    if (data == null) {
      throw new IllegalStateException(
          "Event type " + type + " has no schema " + name + "Data in META-INF/openapi.yaml");
    }
    return data;
  }

  static Schema oneOfByType(String description) {
    return OASFactory.createSchema()
        .description(description)
        .oneOf(new ArrayList<>())
        .discriminator(OASFactory.createDiscriminator().propertyName("type"));
  }

  static void addVariant(Schema oneOf, String type, String component) {
    oneOf.addOneOf(ref(component));
    Discriminator discriminator = oneOf.getDiscriminator();
    discriminator.addMapping(type, SCHEMAS + component);
  }

  /** The feed's and history's event of one type: the common members, `data` typed. */
  private static Schema event(Schema common, String type, String name, Schema data) {
    Schema event =
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .description("A " + type + " event. " + data.getDescription())
            .required(new ArrayList<>(common.getRequired()));
    common
        .getProperties()
        .forEach(
            (member, schema) ->
                event.addProperty(
                    member,
                    switch (member) {
                      case "type" -> typeOf(type);
                      case "data" -> ref(name + "Data");
                      default -> schema;
                    }));
    return event;
  }

  static Schema typeOf(String type) {
    return OASFactory.createSchema()
        .addType(SchemaType.STRING)
        .enumeration(new ArrayList<>(List.of(type)))
        .description("The event type");
  }

  static Schema ref(String component) {
    return OASFactory.createSchema().ref(SCHEMAS + component);
  }
}
