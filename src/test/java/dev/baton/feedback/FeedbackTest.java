package dev.baton.feedback;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedbackTest {

  @Test
  void salesFeedbackIsKeptAndRecordedInTheHistory() {
    String lead = Leads.leadIn("ACCEPTED");
    as(As.SALES)
        .body(Map.of("rating", 2, "kind", "OBJECTION", "text", "Thinks we are too expensive 💸"))
        .post(path(lead))
        .then()
        .statusCode(201)
        .body("rating", equalTo(2))
        .body("kind", equalTo("OBJECTION"))
        .body("text", equalTo("Thinks we are too expensive 💸"))
        .body("author.role", equalTo("SALES"));
    as(As.SALES).body(Map.of("rating", 4)).post(path(lead)).then().statusCode(201);
    as(As.ANALYST)
        .get(path(lead))
        .then()
        .statusCode(200)
        .body("data", hasSize(2))
        .body("data.rating", equalTo(java.util.List.of(2, 4)));
    as(As.MARKETING)
        .get("/api/v1/leads/" + lead + "/history")
        .then()
        .body("data.type", hasItem("lead.feedback_added"))
        .body("data.find { it.type == 'lead.feedback_added' }.data.kind", equalTo("OBJECTION"));
  }

  @Test
  void feedbackNeedsARatingOrAKindWithItsText() {
    String lead = Leads.leadIn("QUALIFIED");
    as(As.SALES)
        .body(Map.of())
        .post(path(lead))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("rating"));
    as(As.SALES)
        .body(Map.of("kind", "NOTE"))
        .post(path(lead))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("text"));
    as(As.SALES)
        .body(Map.of("rating", 6, "kind", "RANT", "text", "x"))
        .post(path(lead))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("rating"))
        .body("errors.field", hasItem("kind"));
  }

  @Test
  void onlySalesAndAdminsGiveFeedbackAndEveryoneReadsIt() {
    String lead = Leads.leadIn("QUALIFIED");
    as(As.MARKETING).body(Map.of("rating", 1)).post(path(lead)).then().statusCode(403);
    as(As.ANALYST).body(Map.of("rating", 1)).post(path(lead)).then().statusCode(403);
    as(As.ADMIN).body(Map.of("rating", 5)).post(path(lead)).then().statusCode(201);
    as(As.MARKETING).get(path(lead)).then().statusCode(200).body("data", hasSize(1));
  }

  @Test
  void feedbackOnAnUnknownLeadIsNotFound() {
    as(As.SALES)
        .body(Map.of("rating", 3))
        .post(path(UUID.randomUUID().toString()))
        .then()
        .statusCode(404);
    as(As.SALES).get(path(UUID.randomUUID().toString())).then().statusCode(404);
  }

  @Test
  void aRetriedFeedbackIsGivenOnce() {
    String lead = Leads.leadIn("ACCEPTED");
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("kind", "COMPLAINT", "text", "Called twice the same day");
    as(As.SALES).header("Idempotency-Key", key).body(body).post(path(lead)).then().statusCode(201);
    as(As.SALES)
        .header("Idempotency-Key", key)
        .body(body)
        .post(path(lead))
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
    as(As.SALES).get(path(lead)).then().body("data", hasSize(1));
  }

  private static String path(String lead) {
    return "/api/v1/leads/" + lead + "/feedback";
  }
}
