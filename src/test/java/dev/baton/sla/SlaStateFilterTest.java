package dev.baton.sla;

import static dev.baton.sla.SlaScenes.PROBLEM;
import static dev.baton.sla.SlaScenes.listed;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing leads by SLA state, and the refusal of an unknown state. */
@QuarkusTest
class SlaStateFilterTest {

  @Test
  void leadsAreListedBySlaState() {
    String source = Leads.uniqueSource();
    String pending = Leads.handOff(Leads.body(source, "QUALIFIED"));
    String met = Leads.handOff(Leads.body(source, "QUALIFIED"));
    Leads.move(as(As.SALES), met, "accept", Map.of("owner", "o@acme.com")).then().statusCode(200);
    Leads.handOff(Leads.body(source, "GENERATED"));
    assertEquals(List.of(pending), listed(source, "PENDING"));
    assertEquals(List.of(met), listed(source, "MET"));
    assertEquals(List.of(), listed(source, "BREACHED"));
    assertEquals(
        3,
        as(As.ANALYST).queryParam("source", source).get(LEADS).jsonPath().getList("data").size());
  }

  @Test
  void anUnknownSlaStateFilterIsRefused() {
    as(As.ANALYST)
        .queryParam("slaState", "LATE")
        .get(LEADS)
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEM + "validation-error"))
        .body("status", equalTo(400))
        .body("errors.field", hasItem("slaState"));
  }
}
