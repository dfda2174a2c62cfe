package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.restassured.response.Response;
import java.util.Map;

/** The merge patch call and the lead to patch shared by the lead patch tests. */
final class LeadPatchScenes {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private LeadPatchScenes() {}

  static Response patch(String id, String ifMatch, String json) {
    var request = as(As.MARKETING).contentType(MERGE_PATCH).body(json);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.patch(LEADS + "/" + id);
  }

  /** A lead with every editable part filled, to patch. */
  static String richLead() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), null);
    body.put(
        "contact",
        Map.of(
            "email", Leads.uniqueEmail(),
            "firstName", "Ada",
            "lastName", "Byron",
            "phone", "+44 20 7946 0958",
            "jobTitle", "Analyst"));
    body.put("company", Map.of("name", "Engines Ltd", "country", "GB", "size", "11-50"));
    body.put(
        "attribution",
        Map.of("source", Leads.uniqueSource(), "campaign", "q4", "utmSource", "newsletter"));
    body.put("consent", Map.of("granted", true, "source", "form"));
    body.put(
        "attributes",
        Map.of("plan", Map.of("tier", "gold", "seats", 12), "locale", "en-GB", "legacy", "x"));
    return Leads.handOff(body);
  }
}
