package dev.baton.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.event.EventType;
import dev.baton.json.JsonBinder;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.webhook.WebhookRecords.WebhookPatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What a request to create or change a subscription may say beyond its Bean Validation: a URL Baton
 * may call, known event types, and a patch whose absent members are told apart from nulls.
 */
@ApplicationScoped
class WebhookRequests {

  private final WebhookUrls urls;
  private final JsonBinder binder;

  WebhookRequests(WebhookUrls urls, JsonBinder binder) {
    this.urls = urls;
    this.binder = binder;
  }

  /** The patch in {@code body}, validated; which members it has is read from {@code body}. */
  WebhookPatch patch(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object");
    }
    return binder.bindValid(body, WebhookPatch.class);
  }

  /** The URL as stored, once checked: a scheme, host and port Baton may call. */
  String url(String url) {
    return urls.check(url, "url").toString();
  }

  /**
   * No list and an empty list both mean every event type: some generated clients send an empty list
   * for a member left unset, and a subscription to nothing would be useless anyway.
   */
  static List<String> everyWhenEmpty(List<String> types) {
    return types == null || types.isEmpty() ? null : types;
  }

  static void checkTypes(List<String> types) {
    if (types == null) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      if (!EventType.names().contains(types.get(i))) {
        errors.add(
            new FieldError(
                "eventTypes[" + i + "]", "must be one of " + String.join(", ", EventType.names())));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }
}
