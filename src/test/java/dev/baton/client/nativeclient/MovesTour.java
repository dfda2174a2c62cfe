package dev.baton.client.nativeclient;

import static dev.baton.client.nativeclient.Clients.admin;
import static dev.baton.client.nativeclient.Clients.as;
import static dev.baton.client.nativeclient.Clients.handOff;
import static dev.baton.client.nativeclient.Clients.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.jnative.ApiException;
import dev.baton.client.jnative.api.DisputesApi;
import dev.baton.client.jnative.api.FeedbackApi;
import dev.baton.client.jnative.api.LeadMovesApi;
import dev.baton.client.jnative.api.LeadsApi;
import dev.baton.client.jnative.model.AcceptLead;
import dev.baton.client.jnative.model.Accountable;
import dev.baton.client.jnative.model.Action;
import dev.baton.client.jnative.model.ConvertLead;
import dev.baton.client.jnative.model.DisputeOutcome;
import dev.baton.client.jnative.model.DisputeState;
import dev.baton.client.jnative.model.Event;
import dev.baton.client.jnative.model.Feedback;
import dev.baton.client.jnative.model.FeedbackKind;
import dev.baton.client.jnative.model.InitialStatus;
import dev.baton.client.jnative.model.Lead;
import dev.baton.client.jnative.model.LeadAcceptedEvent;
import dev.baton.client.jnative.model.LeadConvertedEvent;
import dev.baton.client.jnative.model.LeadCreatedEvent;
import dev.baton.client.jnative.model.LeadQualifiedEvent;
import dev.baton.client.jnative.model.LeadStatus;
import dev.baton.client.jnative.model.NewFeedback;
import dev.baton.client.jnative.model.OpenDispute;
import dev.baton.client.jnative.model.Problem;
import dev.baton.client.jnative.model.QualifyLead;
import dev.baton.client.jnative.model.RecycleLead;
import dev.baton.client.jnative.model.RejectLead;
import dev.baton.client.jnative.model.ResolveDispute;
import dev.baton.client.jnative.model.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A lead moved through the funnel, disputed and commented on through the native client. */
interface MovesTour {

  @Test
  default void aLeadGoesFromHandoffToConversionAndItsHistorySaysHow() throws Exception {
    Lead lead = handOff(InitialStatus.GENERATED);
    LeadMovesApi marketing = new LeadMovesApi(as(Role.MARKETING));
    LeadMovesApi sales = new LeadMovesApi(as(Role.SALES));

    Lead qualified =
        marketing.qualifyLead(
            lead.getId(), "\"1\"", null, new QualifyLead().score(70).note("Asked for a demo"));
    assertEquals(LeadStatus.QUALIFIED, qualified.getStatus());
    assertEquals(70, qualified.getScore());
    Lead accepted =
        sales.acceptLead(
            lead.getId(),
            new AcceptLead().owner("jane@acme.example"),
            null,
            "accept-" + lead.getId());
    assertEquals(LeadStatus.ACCEPTED, accepted.getStatus());
    assertEquals("jane@acme.example", accepted.getOwner());
    Lead converted =
        sales.convertLead(
            lead.getId(),
            null,
            null,
            new ConvertLead()
                .opportunityRef("006-" + lead.getId())
                .amount(new BigDecimal("12000.50"))
                .currency("EUR"));
    assertEquals(LeadStatus.CONVERTED, converted.getStatus());
    assertEquals(0, new BigDecimal("12000.50").compareTo(converted.getConversion().getAmount()));

    List<Event> history = new LeadsApi(as(Role.ANALYST)).getLeadHistory(lead.getId()).getData();
    assertEquals(
        List.of(
            LeadCreatedEvent.class,
            LeadQualifiedEvent.class,
            LeadAcceptedEvent.class,
            LeadConvertedEvent.class),
        history.stream().map(e -> e.getActualInstance().getClass()).toList());
    assertEquals(70, history.get(1).getLeadQualifiedEvent().getData().getScore());
    LeadAcceptedEvent acceptance = history.get(2).getLeadAcceptedEvent();
    assertEquals("jane@acme.example", acceptance.getData().getOwner());
    assertEquals(LeadStatus.QUALIFIED, acceptance.getFromStatus());
    assertEquals(LeadStatus.CONVERTED, history.get(3).getLeadConvertedEvent().getToStatus());
  }

  @Test
  default void aMoveTheFunnelDoesNotAllowSaysWhichMovesAre() throws Exception {
    Lead lead = handOff(InitialStatus.GENERATED);
    LeadMovesApi funnel = new LeadMovesApi(admin());
    List<Action> allowed = List.of();
    try {
      funnel.acceptLead(lead.getId(), new AcceptLead().owner("jane@acme.example"), null, null);
    } catch (ApiException e) {
      Problem problem = Clients.JSON.readValue(e.getResponseBody(), Problem.class);
      switch (problem.getType()) {
        case "urn:baton:problem:transition-not-allowed" -> allowed = problem.getAllowedActions();
        case "urn:baton:problem:validation-error" ->
            throw new IllegalArgumentException("fix " + problem.getErrors(), e);
        default -> throw e;
      }
    }
    assertEquals(List.of(Action.QUALIFY, Action.REJECT), allowed);
    Problem convert =
        refused(409, () -> funnel.convertLead(lead.getId(), null, null, new ConvertLead()));
    assertEquals(List.of(Action.QUALIFY, Action.REJECT), convert.getAllowedActions());
    Lead qualified = funnel.qualifyLead(lead.getId(), null, null, null);
    Problem twice = refused(409, () -> funnel.qualifyLead(lead.getId(), null, null, null));
    assertEquals(LeadStatus.QUALIFIED, twice.getCurrentStatus());
    assertEquals(List.of(Action.ACCEPT, Action.REJECT), twice.getAllowedActions());
    assertEquals(2L, qualified.getVersion());
  }

  @Test
  default void aRejectionNeedsItsNoteAndARejectedLeadIsRecycledOnce() throws Exception {
    Lead lead = handOff(InitialStatus.QUALIFIED);
    LeadMovesApi sales = new LeadMovesApi(as(Role.SALES));
    Problem noNote =
        refused(
            400,
            () -> sales.rejectLead(lead.getId(), new RejectLead().reason("OTHER"), null, null));
    assertEquals("note", noNote.getErrors().get(0).getField());

    Lead rejected =
        sales.rejectLead(lead.getId(), new RejectLead().reason("NO_BUDGET"), null, null);
    assertEquals(LeadStatus.REJECTED, rejected.getStatus());
    assertEquals(Accountable.NONE, rejected.getRejection().getAccountable());

    LeadMovesApi marketing = new LeadMovesApi(as(Role.MARKETING));
    Lead recycled =
        marketing.recycleLead(lead.getId(), null, null, new RecycleLead().note("Budget next year"));
    assertEquals(LeadStatus.GENERATED, recycled.getStatus());
    assertEquals(1, recycled.getRecycleCount());
    Problem again = refused(409, () -> marketing.recycleLead(lead.getId(), null, null, null));
    assertEquals(List.of(Action.QUALIFY, Action.REJECT), again.getAllowedActions());
  }

  @Test
  default void marketingDisputesARejectionAndSalesOverturnsIt() throws Exception {
    Lead lead = handOff(InitialStatus.QUALIFIED);
    DisputesApi marketing = new DisputesApi(as(Role.MARKETING));
    DisputesApi sales = new DisputesApi(as(Role.SALES));
    Problem notRejected =
        refused(
            409,
            () ->
                marketing.disputeRejection(lead.getId(), new OpenDispute().note("?"), null, null));
    assertEquals("urn:baton:problem:not-rejected", notRejected.getType());
    Problem nothingOpen =
        refused(
            409,
            () ->
                sales.resolveDispute(
                    lead.getId(), new ResolveDispute().outcome(DisputeOutcome.UPHELD), null, null));
    assertEquals("urn:baton:problem:no-open-dispute", nothingOpen.getType());

    Lead rejected =
        new LeadMovesApi(as(Role.SALES))
            .rejectLead(lead.getId(), new RejectLead().reason("NOT_ICP"), null, null);
    Lead disputed =
        marketing.disputeRejection(
            lead.getId(),
            new OpenDispute().note("800 employees, fintech"),
            "\"" + rejected.getVersion() + "\"",
            null);
    assertEquals(DisputeState.OPEN, disputed.getDispute().getState());
    assertEquals("NOT_ICP", disputed.getDispute().getReason());
    Lead overturned =
        sales.resolveDispute(
            lead.getId(),
            new ResolveDispute().outcome(DisputeOutcome.OVERTURNED).note("Right, our mistake"),
            null,
            UUID.randomUUID().toString());
    assertEquals(LeadStatus.QUALIFIED, overturned.getStatus());
    assertEquals(DisputeState.OVERTURNED, overturned.getDispute().getState());
  }

  @Test
  default void salesFeedbackIsListedAndAnOutOfRangeRatingIsRefused() throws Exception {
    Lead lead = handOff(InitialStatus.QUALIFIED);
    FeedbackApi sales = new FeedbackApi(as(Role.SALES));
    Feedback given =
        sales.giveFeedback(
            lead.getId(),
            new NewFeedback().rating(4).kind(FeedbackKind.OBJECTION).text("Price too high"),
            null);
    assertEquals(lead.getId(), given.getLeadId());
    assertEquals(FeedbackKind.OBJECTION, given.getKind());

    List<Feedback> all = new FeedbackApi(as(Role.ANALYST)).listFeedback(lead.getId()).getData();
    assertEquals(List.of(given.getId()), all.stream().map(Feedback::getId).toList());
    assertEquals("Price too high", all.get(0).getText());

    Problem problem =
        refused(400, () -> sales.giveFeedback(lead.getId(), new NewFeedback().rating(9), null));
    assertEquals("rating", problem.getErrors().get(0).getField());
    assertTrue(
        problem.getErrors().get(0).getMessage().contains("5"), problem.getErrors().toString());
    assertEquals(
        "urn:baton:problem:not-found",
        refused(404, () -> sales.listFeedback(UUID.randomUUID())).getType());
  }
}
