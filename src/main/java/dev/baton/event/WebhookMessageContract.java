package dev.baton.event;

import static dev.baton.event.EventContract.addVariant;
import static dev.baton.event.EventContract.name;
import static dev.baton.event.EventContract.ref;
import static dev.baton.event.EventContract.typeOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The webhook messages in the contract, so that receivers get generated models: one message per
 * event type, {@code LeadAcceptedMessage} with its {@code LeadAcceptedMessageData} (which event of
 * which lead, then the event's data), listed in the document's {@code webhooks} section and
 * gathered in {@code WebhookMessage} (a oneOf on {@code type}); and the {@code webhook.test} ping.
 */
final class WebhookMessageContract {

  private static final String PARAMETERS = "#/components/parameters/";
  private static final String TEST = "webhook.test";
  private static final String TAG = "Webhook messages";

  private WebhookMessageContract() {}

  /** {@code common}: the members every event has ({@link EventView}). */
  static void describe(OpenAPI openAPI, Schema common) {
    Components components = openAPI.getComponents();
    Map<String, Schema> schemas = components.getSchemas();
    Schema messages =
        EventContract.oneOfByType(
            "A webhook message, any type: what a receiver parses before it looks at `type`");
    for (String type : EventType.names()) {
      Schema data = EventContract.dataOf(schemas, type);
      components.addSchema(name(type) + "MessageData", messageData(common, data));
      addMessage(openAPI, messages, type, data);
    }
    Schema ping = EventContract.dataOf(schemas, TEST);
    components.addSchema(name(TEST) + "MessageData", ping);
    components.removeSchema(name(TEST) + "Data");
    addMessage(openAPI, messages, TEST, ping);
    components.addSchema("WebhookMessage", messages);
    openAPI.addTag(
        OASFactory.createTag()
            .name(TAG)
            .description(
                "Not calls to Baton: the messages Baton posts to a subscription's URL, one per"
                    + " event type."));
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

  private static void addMessage(OpenAPI openAPI, Schema messages, String type, Schema data) {
    String name = name(type);
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
                .tags(new ArrayList<>(List.of(TAG)))
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
}
