package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.DisputeRecords.ResolveDispute;
import dev.baton.lead.Funnel.DisputeAnswer;
import dev.baton.lead.Funnel.Move;
import dev.baton.problem.ProblemException;
import dev.baton.security.Role;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Overturning a disputed rejection is a row of the funnel table, with its roles, and no move
 * endpoint can make it.
 */
@QuarkusTest
class FunnelOverturnTest {

  private static Move overturn() {
    return Funnel.MOVES.stream()
        .filter(m -> m.trigger() == DisputeAnswer.OVERTURN)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theOverturnIsARowOfTheTableWithItsRoles() {
    Move overturn = overturn();
    assertEquals(LeadStatus.REJECTED, overturn.from());
    assertEquals(LeadStatus.QUALIFIED, overturn.to());
    assertEquals(EnumSet.of(Role.SALES, Role.ADMIN), overturn.roles());
    assertEquals(overturn, Funnel.move(DisputeAnswer.OVERTURN, LeadStatus.REJECTED, Role.SALES));
  }

  @Test
  void theTableSaysWhoMayOverturnAndFromWhere() {
    ProblemException marketing =
        assertThrows(
            ProblemException.class,
            () -> Funnel.move(DisputeAnswer.OVERTURN, LeadStatus.REJECTED, Role.MARKETING));
    assertEquals(403, marketing.status());
    ProblemException notRejected =
        assertThrows(
            ProblemException.class,
            () -> Funnel.move(DisputeAnswer.OVERTURN, LeadStatus.ACCEPTED, Role.SALES));
    assertEquals(409, notRejected.status());
  }

  @Test
  void resolvingADisputeIsAllowedToExactlyTheRolesThatMayOverturn() throws Exception {
    RolesAllowed allowed =
        DisputeResource.class
            .getMethod("resolve", String.class, String.class, ResolveDispute.class, String.class)
            .getAnnotation(RolesAllowed.class);
    Set<String> table = overturn().roles().stream().map(Role::name).collect(Collectors.toSet());
    assertEquals(table, Set.of(allowed.value()));
  }

  @Test
  void noMoveEndpointReachesTheOverturn() {
    assertEquals(List.of(Action.RECYCLE), Funnel.allowedFrom(LeadStatus.REJECTED));
    for (Action action : Action.values()) {
      for (Role role : Role.values()) {
        try {
          Move move = Funnel.move(action, LeadStatus.REJECTED, role);
          assertEquals(LeadStatus.GENERATED, move.to(), action + " as " + role);
        } catch (ProblemException refused) {
          assertTrue(Set.of(403, 409).contains(refused.status()), action + " as " + role);
        }
      }
    }
  }

  @Test
  void aDisputedRejectionIsOverturnedByResolvingTheDisputeAndNoOtherWay() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
    as(As.MARKETING)
        .body(Map.of("note", "Squarely our ICP"))
        .post(LEADS + "/" + id + "/dispute")
        .then()
        .statusCode(200);

    Leads.move(as(As.ADMIN), id, "qualify", Map.of())
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:transition-not-allowed"))
        .body("allowedActions", equalTo(List.of("RECYCLE")));
    as(As.ADMIN)
        .body(Map.of())
        .post(LEADS + "/" + id + "/overturn")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:baton:problem:not-found"));
    Leads.get(id).then().statusCode(200).body("status", equalTo("REJECTED"));

    as(As.SALES)
        .body(Map.of("outcome", "OVERTURNED"))
        .post(LEADS + "/" + id + "/dispute/resolve")
        .then()
        .statusCode(200)
        .body("status", equalTo("QUALIFIED"));
  }
}
