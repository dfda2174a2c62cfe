package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls on webhook subscriptions that the webhook tests share. */
final class Subscriptions {

  private Subscriptions() {}

  /** Every subscription id the caller lists, following the cursor. */
  static List<String> allPages(RequestSpecification caller) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page =
          given()
              .spec(caller)
              .queryParam("limit", 100)
              .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
              .get(WEBHOOKS)
              .then()
              .statusCode(200)
              .body("data", not(nullValue()))
              .extract()
              .jsonPath();
      ids.addAll(page.getList("data.id"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return ids;
  }

  /** Subscribes to lead.qualified, qualifies a new lead and answers [webhookId, secret, lead]. */
  static String[] qualifyALead(Hooks hooks, Receiver receiver) {
    JsonPath created = hooks.subscribe(receiver.url(), List.of("lead.qualified"));
    String lead = Leads.leadIn("GENERATED");
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
    return new String[] {created.getString("webhook.id"), created.getString("secret"), lead};
  }
}
