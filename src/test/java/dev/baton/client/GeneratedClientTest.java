package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.api.ApiKeysApi;
import dev.baton.client.api.DisputesApi;
import dev.baton.client.api.FunnelApi;
import dev.baton.client.api.LeadsApi;
import dev.baton.client.api.MetricsApi;
import dev.baton.client.api.SlaApi;
import dev.baton.client.model.AcceptLead;
import dev.baton.client.model.Action;
import dev.baton.client.model.Attribution;
import dev.baton.client.model.Contact;
import dev.baton.client.model.ConvertLead;
import dev.baton.client.model.DisputeOutcome;
import dev.baton.client.model.DisputeState;
import dev.baton.client.model.Event;
import dev.baton.client.model.FunnelFigures;
import dev.baton.client.model.FunnelGroupBy;
import dev.baton.client.model.FunnelReport;
import dev.baton.client.model.InitialStatus;
import dev.baton.client.model.Lead;
import dev.baton.client.model.LeadStatus;
import dev.baton.client.model.NewApiKey;
import dev.baton.client.model.NewLead;
import dev.baton.client.model.OpenDispute;
import dev.baton.client.model.Problem;
import dev.baton.client.model.RejectLead;
import dev.baton.client.model.ResolveDispute;
import dev.baton.client.model.Role;
import dev.baton.client.model.SlaReport;
import dev.baton.client.model.SlaState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from the committed openapi.yaml (at build time, by the OpenAPI
 * Generator) drives a lead from handoff to conversion, and reads Baton's problems as typed models.
 */
@QuarkusTest
class GeneratedClientTest {

  @Test
  void aGeneratedClientDrivesALeadFromHandoffToConversion() throws Exception {
    ApiClient admin = client("test-admin-key");
    String marketingKey =
        new ApiKeysApi(admin)
            .createApiKey(new NewApiKey().name("gen-mkt").role(Role.MARKETING), null)
            .getKey();
    String salesKey =
        new ApiKeysApi(admin)
            .createApiKey(new NewApiKey().name("gen-crm").role(Role.SALES), null)
            .getKey();

    NewLead handoff =
        new NewLead()
            .contact(
                new Contact().email("gen-" + UUID.randomUUID() + "@example.com").firstName("Ada"))
            .attribution(new Attribution().source("generated-client").campaign("contract"))
            .status(InitialStatus.QUALIFIED)
            .score(80);
    String retryKey = UUID.randomUUID().toString();
    LeadsApi marketing = new LeadsApi(client(marketingKey));
    Lead lead = marketing.handOffLead(handoff, retryKey);
    assertEquals(LeadStatus.QUALIFIED, lead.getStatus());
    // A retry with the same Idempotency-Key answers the same lead instead of creating a second one.
    assertEquals(lead.getId(), marketing.handOffLead(handoff, retryKey).getId());

    FunnelApi sales = new FunnelApi(client(salesKey));
    Lead accepted =
        sales.acceptLead(lead.getId(), new AcceptLead().owner("jane@acme.example"), "\"1\"", null);
    assertEquals(LeadStatus.ACCEPTED, accepted.getStatus());
    Lead converted =
        sales.convertLead(
            lead.getId(),
            "\"2\"",
            UUID.randomUUID().toString(),
            new ConvertLead()
                .opportunityRef("006Dn00000A1b2C")
                .amount(new BigDecimal("12000"))
                .currency("EUR"));
    assertEquals(LeadStatus.CONVERTED, converted.getStatus());
    assertEquals(0, new BigDecimal("12000").compareTo(converted.getConversion().getAmount()));

    List<Event> history = new LeadsApi(client(salesKey)).getLeadHistory(lead.getId()).getData();
    assertEquals(
        List.of("lead.created", "lead.accepted", "lead.converted"),
        history.stream().map(Event::getType).toList());
    assertEquals(LeadStatus.CONVERTED, history.get(2).getToStatus());
  }

  @Test
  void aGeneratedClientDisputesARejectionAndReadsTheMetrics() throws Exception {
    ApiClient admin = client("test-admin-key");
    String source = "generated-" + UUID.randomUUID();
    Lead lead =
        new LeadsApi(admin)
            .handOffLead(
                new NewLead()
                    .contact(new Contact().email("gen-" + UUID.randomUUID() + "@example.com"))
                    .attribution(new Attribution().source(source))
                    .status(InitialStatus.QUALIFIED),
                null);
    assertEquals(SlaState.PENDING, lead.getSla().getState());
    new FunnelApi(admin).rejectLead(lead.getId(), new RejectLead().reason("NOT_ICP"), null, null);

    DisputesApi disputes = new DisputesApi(admin);
    Lead disputed =
        disputes.disputeRejection(
            lead.getId(), new OpenDispute().note("Matches the ICP"), null, null);
    assertEquals(DisputeState.OPEN, disputed.getDispute().getState());
    Lead overturned =
        disputes.resolveDispute(
            lead.getId(), new ResolveDispute().outcome(DisputeOutcome.OVERTURNED), null, null);
    assertEquals(LeadStatus.QUALIFIED, overturned.getStatus());
    assertEquals(DisputeState.OVERTURNED, overturned.getDispute().getState());

    FunnelReport funnel = new MetricsApi(admin).getFunnelMetrics(null, FunnelGroupBy.SOURCE, null);
    FunnelFigures mine =
        funnel.getGroups().stream()
            .filter(g -> source.equals(g.getKey()))
            .findFirst()
            .orElseThrow();
    assertEquals(1, mine.getHandedOff());
    assertEquals(1, mine.getDisputes().getOverturned());
    assertEquals(0, mine.getReached().getRejected());

    SlaReport sla = new SlaApi(admin).getSlaReport(null, null, null);
    assertTrue(sla.getSales().getWaitingNow() >= 1);
  }

  @Test
  void aGeneratedClientReadsAProblemAsATypedModel() throws Exception {
    ApiClient admin = client("test-admin-key");
    Lead lead =
        new LeadsApi(admin)
            .handOffLead(
                new NewLead()
                    .contact(new Contact().email("gen-" + UUID.randomUUID() + "@example.com"))
                    .attribution(new Attribution().source("generated-client")),
                null);
    ApiException refused =
        assertThrows(
            ApiException.class,
            () ->
                new FunnelApi(admin)
                    .acceptLead(lead.getId(), new AcceptLead().owner("x"), null, null));
    assertEquals(409, refused.getCode());
    Problem problem = admin.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    assertEquals("urn:baton:problem:transition-not-allowed", problem.getType());
    assertEquals(LeadStatus.GENERATED, problem.getCurrentStatus());
    assertEquals(List.of(Action.QUALIFY, Action.REJECT), problem.getAllowedActions());
    assertTrue(problem.getDetail().contains("accept"));
  }

  private static ApiClient client(String key) {
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://localhost:" + RestAssured.port);
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    return client;
  }
}
