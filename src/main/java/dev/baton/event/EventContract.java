package dev.baton.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Discriminator;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * What events look like in the contract, so that feed readers and webhook receivers get generated
 * models: one schema per event type, {@code LeadAcceptedEvent} with its {@code LeadAcceptedData},
 * gathered in {@code Event} (a oneOf on {@code type}); and one message per type for webhooks,
 * {@code LeadAcceptedMessage}, listed in the document's {@code webhooks} section and gathered in
 * {@code WebhookMessage}.
 *
 * <p>The data of each type is written by hand in {@code META-INF/openapi.yaml} ({@code
 * LeadAcceptedData}…); the common members come from {@link EventView}. A type of {@link
 * EventLog#TYPES} without its data schema stops the build.
 */
public final class EventContract {

  private static final String SCHEMAS = "#/components/schemas/";
  private static final String PARAMETERS = "#/components/parameters/";
  private static final String TEST = "webhook.test";
  private static final String MESSAGES_TAG = "Webhook messages";

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
    Schema messages =
        oneOfByType(
            "A webhook message, any type: what a receiver parses before it looks at `type`");
    for (String type : EventLog.TYPES) {
      String name = name(type);
      Schema data = dataOf(schemas, name, type);
      components.addSchema(name + "Event", event(common, type, name, data));
      addVariant(events, type, name + "Event");
      Schema messageData = messageData(common, data);
      components.addSchema(name + "MessageData", messageData);
      addMessage(openAPI, messages, type, name, data);
    }
    Schema ping = dataOf(schemas, name(TEST), TEST);
    components.addSchema(name(TEST) + "MessageData", ping);
    components.removeSchema(name(TEST) + "Data");
    addMessage(openAPI, messages, TEST, name(TEST), ping);
    openAPI.addTag(
        OASFactory.createTag()
            .name(MESSAGES_TAG)
            .description(
                "Not calls to Baton: the messages Baton posts to a subscription's URL, one per"
                    + " event type."));
    components.addSchema("Event", events);
    typedEventTypes(openAPI);
    components.addSchema("WebhookMessage", messages);
  }

  /**
   * Where a caller names event types (a subscription's {@code eventTypes}, the feed's {@code
   * types}), the contract lists them, as the server checks them. Answers keep plain strings, so
   * that a type added later never makes an older client fail to read a subscription.
   */
  private static void typedEventTypes(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    components.addSchema(
        "EventType",
        OASFactory.createSchema()
            .addType(SchemaType.STRING)
            .description("An event type")
            .enumeration(new ArrayList<>(EventLog.TYPES)));
    for (String request : List.of("NewWebhook", "WebhookPatch")) {
      components
          .getSchemas()
          .get(request)
          .getProperties()
          .get("eventTypes")
          .setItems(ref("EventType"));
    }
    openAPI.getPaths().getPathItem("/api/v1/events").getGET().getParameters().stream()
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

  /** lead.feedback_added → LeadFeedbackAdded. */
  static String name(String type) {
    StringBuilder name = new StringBuilder();
    for (String word : type.split("[._]")) {
      name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return name.toString();
  }

  private static Schema dataOf(Map<String, Schema> schemas, String name, String type) {
    Schema data = schemas.get(name + "Data");
    if (data == null) {
      throw new IllegalStateException(
          "Event type " + type + " has no schema " + name + "Data in META-INF/openapi.yaml");
    }
    return data;
  }

  private static Schema oneOfByType(String description) {
    return OASFactory.createSchema()
        .description(description)
        .oneOf(new ArrayList<>())
        .discriminator(OASFactory.createDiscriminator().propertyName("type"));
  }

  private static void addVariant(Schema oneOf, String type, String component) {
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

  /** A webhook message's data: which event of which lead, then the event's own data. */
  private static Schema messageData(Schema common, Schema data) {
    Map<String, Schema> members = common.getProperties();
    Schema message =
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .description(data.getDescription())
            .addProperty("eventId", members.get("id"))
            .addProperty("leadId", members.get("leadId"))
            .addProperty("leadVersion", members.get("leadVersion"))
            .addProperty("fromStatus", members.get("fromStatus"))
            .addProperty("toStatus", members.get("toStatus"));
    List<String> required = new ArrayList<>(List.of("eventId", "leadId", "leadVersion"));
    if (data.getRequired() != null) {
      required.addAll(data.getRequired());
    }
    if (data.getProperties() != null) {
      data.getProperties().forEach(message::addProperty);
    }
    return message.required(required);
  }

  private static void addMessage(
      OpenAPI openAPI, Schema messages, String type, String name, Schema data) {
    Schema message =
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .description("The webhook message of a " + type + " event. " + data.getDescription())
            .addProperty("type", typeOf(type))
            .addProperty(
                "timestamp",
                OASFactory.createSchema()
                    .addType(SchemaType.STRING)
                    .format("date-time")
                    .description("When the event happened"))
            .addProperty("data", ref(name + "MessageData"))
            .required(new ArrayList<>(List.of("type", "timestamp", "data")));
    openAPI.getComponents().addSchema(name + "Message", message);
    addVariant(messages, type, name + "Message");
    openAPI.addWebhook(type, webhook(type, name));
  }

  private static PathItem webhook(String type, String name) {
    return OASFactory.createPathItem()
        .POST(
            OASFactory.createOperation()
                .operationId("on" + name)
                // Generators make client methods of webhooks (typescript-fetch's do not even
                // compile); they leave out what is internal, and keep the message models.
                .addExtension("x-internal", Boolean.TRUE)
                .summary("Baton posts a " + type + " message to your URL")
                .description(
                    "Signed as Standard Webhooks: verify `webhook-signature` over"
                        + " `webhook-id.webhook-timestamp.body` with your `whsec_` secret, and"
                        + " de-duplicate on `webhook-id` (the same at every attempt). Only a 2xx"
                        + " answer within the timeout counts; anything else is retried with"
                        + " backoff (`Retry-After` is honoured on 429 and 503); 410 disables the"
                        + " subscription.")
                .tags(new ArrayList<>(List.of(MESSAGES_TAG)))
                .parameters(
                    new ArrayList<>(
                        List.of(
                            OASFactory.createParameter().ref(PARAMETERS + "webhookId"),
                            OASFactory.createParameter().ref(PARAMETERS + "webhookTimestamp"),
                            OASFactory.createParameter().ref(PARAMETERS + "webhookSignature"))))
                .requestBody(
                    OASFactory.createRequestBody()
                        .required(true)
                        .content(
                            OASFactory.createContent()
                                .addMediaType(
                                    "application/json",
                                    OASFactory.createMediaType().schema(ref(name + "Message")))))
                .responses(
                    OASFactory.createAPIResponses()
                        .addAPIResponse(
                            "2XX",
                            OASFactory.createAPIResponse()
                                .description("Received: the delivery succeeded"))
                        .addAPIResponse(
                            "410",
                            OASFactory.createAPIResponse()
                                .description("Gone: Baton disables the subscription"))));
  }

  private static Schema typeOf(String type) {
    return OASFactory.createSchema()
        .addType(SchemaType.STRING)
        .enumeration(new ArrayList<>(List.of(type)))
        .description("The event type");
  }

  private static Schema ref(String component) {
    return OASFactory.createSchema().ref(SCHEMAS + component);
  }
}
