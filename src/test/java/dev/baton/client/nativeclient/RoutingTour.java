package dev.baton.client.nativeclient;

import static dev.baton.client.nativeclient.Clients.admin;
import static dev.baton.client.nativeclient.Clients.as;
import static dev.baton.client.nativeclient.Clients.newLead;
import static dev.baton.client.nativeclient.Clients.refused;
import static dev.baton.client.nativeclient.Clients.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.jnative.api.LeadMovesApi;
import dev.baton.client.jnative.api.LeadsApi;
import dev.baton.client.jnative.api.ReportsApi;
import dev.baton.client.jnative.api.RoutingApi;
import dev.baton.client.jnative.model.AcceptLead;
import dev.baton.client.jnative.model.DayOfWeek;
import dev.baton.client.jnative.model.InitialStatus;
import dev.baton.client.jnative.model.Lead;
import dev.baton.client.jnative.model.Member;
import dev.baton.client.jnative.model.MemberInput;
import dev.baton.client.jnative.model.Method;
import dev.baton.client.jnative.model.Problem;
import dev.baton.client.jnative.model.Queue;
import dev.baton.client.jnative.model.QueueInput;
import dev.baton.client.jnative.model.QueueSeat;
import dev.baton.client.jnative.model.ReassignLead;
import dev.baton.client.jnative.model.Role;
import dev.baton.client.jnative.model.RoutingConditions;
import dev.baton.client.jnative.model.RoutingPolicy;
import dev.baton.client.jnative.model.RoutingPreview;
import dev.baton.client.jnative.model.RoutingRule;
import dev.baton.client.jnative.model.RoutingSubject;
import dev.baton.client.jnative.model.SlaPeopleReport;
import dev.baton.client.jnative.model.WorkingHours;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Members, queues, routing rules, a preview, a reassignment and the per-person report. */
interface RoutingTour {

  @Test
  default void aManagerSetsUpATeamAndRoutesALeadToAPerson() throws Exception {
    RoutingApi routing = new RoutingApi(as(Role.SALES_MANAGER));
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String ana = "ana-" + suffix;
    String ben = "ben-" + suffix;
    Member created =
        routing.putMember(
            ana,
            new MemberInput()
                .name("Ana")
                .email("ana@acme.com")
                .timeZone("Europe/Paris")
                .addWorkingHoursItem(
                    new WorkingHours().days(Set.of(DayOfWeek.MONDAY)).from("00:00").to("00:00"))
                .maxOpen(10));
    assertEquals(ana, created.getId());
    routing.putMember(ben, new MemberInput().name("Ben").timeZone("UTC"));
    assertEquals("Ana", routing.getMember(ana).getName());
    assertTrue(routing.listMembers().getData().stream().anyMatch(m -> m.getId().equals(ben)));
    String queue = "team-" + suffix;
    Queue team =
        routing.putQueue(
            queue,
            new QueueInput()
                .name("Team")
                .addMembersItem(new QueueSeat().memberId(ana).weight(1))
                .addMembersItem(new QueueSeat().memberId(ben).weight(1)));
    assertEquals(2, team.getMembers().size());
    assertEquals("Team", routing.getQueue(queue).getName());
    assertTrue(routing.listQueues().getData().stream().anyMatch(q -> q.getId().equals(queue)));
    try {
      RoutingPolicy policy =
          routing.replaceRoutingPolicy(
              new RoutingPolicy()
                  .addRulesItem(
                      new RoutingRule()
                          .name("France")
                          .when(new RoutingConditions().addCompanyCountriesItem("FR"))
                          .queue(queue)
                          .method(Method.FIXED_MEMBER)
                          .member(ben))
                  .fallbackQueue(queue));
      assertEquals(1, policy.getRules().size());
      assertEquals(queue, routing.getRoutingPolicy().getFallbackQueue());
      RoutingPreview preview =
          new RoutingApi(as(Role.ANALYST))
              .previewRouting(new RoutingSubject().companyCountry("FR"));
      assertEquals(ben, preview.getMemberId());
      assertEquals("France", preview.getRule());

      Lead lead =
          new LeadsApi(admin())
              .handOffLead(newLead("routing").status(InitialStatus.QUALIFIED), null);
      String assignee = lead.getAssignee().getMemberId();
      Lead moved =
          routing.reassignLead(
              lead.getId(),
              new ReassignLead().memberId(assignee.equals(ana) ? ben : ana).reason("Holiday"),
              null,
              null);
      assertTrue(!assignee.equals(moved.getAssignee().getMemberId()));
      new LeadMovesApi(as(Role.SALES)).acceptLead(lead.getId(), new AcceptLead(), null, null);
      Problem notWaiting =
          refused(
              409,
              () ->
                  routing.reassignLead(
                      lead.getId(), new ReassignLead().queue(queue).reason("late"), null, null));
      assertEquals("urn:baton:problem:not-waiting", notWaiting.getType());

      SlaPeopleReport people =
          new ReportsApi(as(Role.ANALYST)).getSlaPeopleReport(null, queue, null);
      assertEquals(queue, people.getQueue());
      assertTrue(people.getMembers().stream().anyMatch(m -> m.getMemberId().equals(ana)));
    } finally {
      routing.replaceRoutingPolicy(new RoutingPolicy());
    }
  }

  @Test
  default void routingRefusalsAreTypedProblems() {
    RoutingApi routing = new RoutingApi(as(Role.SALES_MANAGER));
    Problem zone =
        refused(
            400,
            () ->
                routing.putMember(
                    "x-" + UUID.randomUUID(), new MemberInput().name("X").timeZone("Mars/Base")));
    assertEquals("timeZone", zone.getErrors().get(0).getField());
    Problem seat =
        refused(
            400,
            () ->
                routing.putQueue(
                    "q-" + UUID.randomUUID(),
                    new QueueInput()
                        .name("Q")
                        .addMembersItem(new QueueSeat().memberId("ghost").weight(1))));
    assertEquals("members[0].memberId", seat.getErrors().get(0).getField());
    Problem rule =
        refused(
            400,
            () ->
                routing.replaceRoutingPolicy(
                    new RoutingPolicy()
                        .addRulesItem(
                            new RoutingRule()
                                .name("r")
                                .queue("no-queue")
                                .method(Method.LEAST_LOADED))));
    assertEquals("rules[0].queue", rule.getErrors().get(0).getField());
    Problem preview = refused(400, () -> routing.previewRouting(new RoutingSubject().score(101)));
    assertEquals("score", preview.getErrors().get(0).getField());
    assertEquals(
        "urn:baton:problem:not-found",
        refused(404, () -> routing.getMember("nobody-" + UUID.randomUUID())).getType());
    assertEquals(
        "urn:baton:problem:not-found",
        refused(404, () -> routing.getQueue("none-" + UUID.randomUUID())).getType());
    RoutingApi stranger = new RoutingApi(withKey("bk_not-a-key"));
    assertEquals(401, refused(401, stranger::listMembers).getStatus());
    assertEquals(401, refused(401, stranger::listQueues).getStatus());
    assertEquals(401, refused(401, stranger::getRoutingPolicy).getStatus());
    assertEquals(
        "urn:baton:problem:forbidden",
        refused(
                403,
                () ->
                    new RoutingApi(as(Role.SALES))
                        .reassignLead(
                            UUID.randomUUID(),
                            new ReassignLead().queue("q").reason("r"),
                            null,
                            null))
            .getType());
    assertEquals(
        "from",
        refused(
                400,
                () -> new ReportsApi(as(Role.ANALYST)).getSlaPeopleReport("yesterday", null, null))
            .getErrors()
            .get(0)
            .getField());
  }
}
