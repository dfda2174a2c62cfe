package dev.baton.client.nativeclient;

import static dev.baton.client.nativeclient.Clients.admin;
import static dev.baton.client.nativeclient.Clients.as;
import static dev.baton.client.nativeclient.Clients.handOff;
import static dev.baton.client.nativeclient.Clients.header;
import static dev.baton.client.nativeclient.Clients.newLead;
import static dev.baton.client.nativeclient.Clients.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.jnative.ApiResponse;
import dev.baton.client.jnative.api.LeadsApi;
import dev.baton.client.jnative.api.PersonalDataApi;
import dev.baton.client.jnative.model.Attribution;
import dev.baton.client.jnative.model.ContactPatch;
import dev.baton.client.jnative.model.Erasure;
import dev.baton.client.jnative.model.FieldError;
import dev.baton.client.jnative.model.InitialStatus;
import dev.baton.client.jnative.model.Lead;
import dev.baton.client.jnative.model.LeadBatch;
import dev.baton.client.jnative.model.LeadBatchItem;
import dev.baton.client.jnative.model.LeadBatchResult;
import dev.baton.client.jnative.model.LeadPage;
import dev.baton.client.jnative.model.LeadPatch;
import dev.baton.client.jnative.model.LeadSearch;
import dev.baton.client.jnative.model.LeadStatus;
import dev.baton.client.jnative.model.NewLead;
import dev.baton.client.jnative.model.Problem;
import dev.baton.client.jnative.model.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Handing leads off, reading, editing and erasing them through the native client. */
interface LeadsTour {

  @Test
  default void aRetriedHandoffAnswersTheSameLeadWithItsHeaders() throws Exception {
    LeadsApi leads = new LeadsApi(as(Role.MARKETING));
    NewLead lead = newLead("native-handoff").status(InitialStatus.QUALIFIED).score(80);
    String idempotencyKey = UUID.randomUUID().toString(); // store it: a retry sends it again
    ApiResponse<Lead> created = leads.handOffLeadWithHttpInfo(lead, idempotencyKey);
    Lead handedOff = created.getData();
    Map<String, List<String>> headers = created.getHeaders(); // names are case-insensitive
    String location = headers.get("location").get(0); // .../api/v1/leads/{id}
    String etag = headers.get("etag").get(0); // "1": send it as If-Match to change the lead
    String rateLimit = headers.get("ratelimit").get(0); // "default";r=5987;t=42: 5987 left
    assertEquals(201, created.getStatusCode());
    assertEquals(LeadStatus.QUALIFIED, handedOff.getStatus());
    assertTrue(location.endsWith("/api/v1/leads/" + handedOff.getId()), location);
    assertEquals("\"1\"", etag);
    assertTrue(rateLimit.startsWith("\"default\";r="), rateLimit);
    assertTrue(
        header(created.getHeaders(), "RateLimit-Policy").startsWith("\"default\";q="),
        created.getHeaders().toString());

    ApiResponse<Lead> replayed = leads.handOffLeadWithHttpInfo(lead, idempotencyKey);
    assertEquals(201, replayed.getStatusCode());
    assertEquals(handedOff.getId(), replayed.getData().getId());
    assertEquals("true", header(replayed.getHeaders(), "Idempotent-Replayed"));
  }

  @Test
  default void aSecondOpenLeadOfOnePersonIsADuplicateNamingTheFirst() throws Exception {
    LeadsApi leads = new LeadsApi(as(Role.MARKETING));
    NewLead lead = newLead("native-duplicate");
    Lead first = leads.handOffLead(lead, null);

    Problem duplicate = refused(409, () -> leads.handOffLead(lead, null));
    assertEquals("urn:baton:problem:duplicate-lead", duplicate.getType());
    assertEquals(first.getId(), duplicate.getExistingLeadId());
    assertEquals("/api/v1/leads/" + first.getId(), duplicate.getExistingLeadLocation());
  }

  @Test
  default void anInvalidHandoffNamesEveryOffendingField() {
    NewLead invalid = newLead("native").attribution(new Attribution()).score(101);
    Problem problem = refused(400, () -> new LeadsApi(admin()).handOffLead(invalid, null));
    assertEquals("urn:baton:problem:validation-error", problem.getType());
    assertEquals(
        List.of("attribution.source", "score"),
        problem.getErrors().stream().map(FieldError::getField).sorted().toList());
  }

  @Test
  default void aBatchCreatesEachNewLeadAndReportsEachDuplicate() throws Exception {
    LeadsApi leads = new LeadsApi(as(Role.MARKETING));
    Lead existing = leads.handOffLead(newLead("native-batch"), null);
    NewLead again = newLead("native-batch");
    again.getContact().email(existing.getContact().getEmail());

    LeadBatchResult result =
        leads.handOffLeads(new LeadBatch().leads(List.of(newLead("native-batch"), again)), null);
    LeadBatchItem created = result.getResults().get(0);
    assertEquals(201, created.getStatus());
    assertEquals(LeadStatus.GENERATED, leads.getLead(created.getLeadId()).getStatus());
    LeadBatchItem duplicate = result.getResults().get(1);
    assertEquals(409, duplicate.getStatus());
    assertNull(duplicate.getLeadId());
    assertEquals("urn:baton:problem:duplicate-lead", duplicate.getProblem().getType());
    assertEquals(existing.getId(), duplicate.getProblem().getExistingLeadId());

    Problem empty = refused(400, () -> leads.handOffLeads(new LeadBatch().leads(List.of()), null));
    assertEquals("leads", empty.getErrors().get(0).getField());
  }

  @Test
  default void anExternalIdCreatesTheLeadOnceThenUpdatesIt() throws Exception {
    LeadsApi leads = new LeadsApi(as(Role.MARKETING));
    String externalId = "ext-" + UUID.randomUUID();
    NewLead lead = newLead("native-external");

    ApiResponse<Lead> created =
        leads.upsertLeadByExternalIdWithHttpInfo("hubspot", externalId, lead);
    assertEquals(201, created.getStatusCode());
    assertEquals("hubspot", created.getData().getExternalRefs().get(0).getSystem());
    assertEquals(externalId, created.getData().getExternalRefs().get(0).getId());
    ApiResponse<Lead> updated =
        leads.upsertLeadByExternalIdWithHttpInfo("hubspot", externalId, lead.segment("smb"));
    assertEquals(200, updated.getStatusCode());
    assertEquals(created.getData().getId(), updated.getData().getId());
    assertEquals("smb", updated.getData().getSegment());

    Problem problem =
        refused(400, () -> leads.upsertLeadByExternalId("Not-Lower", externalId, lead));
    assertEquals("system", problem.getErrors().get(0).getField());
  }

  @Test
  default void leadsAreListedByFilterAndABadCursorIsRefused() throws Exception {
    Lead lead = new LeadsApi(admin()).handOffLead(newLead("tour-" + UUID.randomUUID()), null);
    LeadsApi leads = new LeadsApi(as(Role.ANALYST));
    String source = lead.getAttribution().getSource();
    LeadPage page = leads.listLeads(null, null, null, source, null, null, null, 10);
    assertEquals(List.of(lead.getId()), page.getData().stream().map(Lead::getId).toList());

    Problem problem =
        refused(400, () -> leads.listLeads(null, null, null, null, null, null, "nope", null));
    assertEquals("cursor", problem.getErrors().get(0).getField());
  }

  /** The person's leads: an email goes in the body of a search, never in a URL. */
  static List<Lead> leadsOf(LeadsApi leads, String email) throws Exception {
    return leads.searchLeads(new LeadSearch().email(email)).getData();
  }

  @Test
  default void leadsAreSearchedByEmailInTheBodyAndABadLimitIsRefused() throws Exception {
    Lead lead = new LeadsApi(admin()).handOffLead(newLead("tour-" + UUID.randomUUID()), null);
    LeadsApi leads = new LeadsApi(as(Role.ANALYST));
    String email = lead.getContact().getEmail();
    assertEquals(
        List.of(lead.getId()),
        leadsOf(leads, email.toUpperCase()).stream().map(Lead::getId).toList());
    LeadPage page =
        leads.searchLeads(
            new LeadSearch()
                .source(lead.getAttribution().getSource())
                .status(LeadStatus.GENERATED)
                .limit(1));
    assertEquals(List.of(lead.getId()), page.getData().stream().map(Lead::getId).toList());
    assertNull(page.getNextCursor());

    Problem problem = refused(400, () -> leads.searchLeads(new LeadSearch().limit(0)));
    assertEquals("limit", problem.getErrors().get(0).getField());
  }

  @Test
  default void aPatchNeedsTheCurrentVersionInIfMatch() throws Exception {
    Lead lead = handOff(InitialStatus.GENERATED);
    LeadsApi leads = new LeadsApi(as(Role.SALES));
    ApiResponse<Lead> read = leads.getLeadWithHttpInfo(lead.getId());
    String etag = header(read.getHeaders(), "ETag");
    assertEquals("\"1\"", etag);

    LeadPatch patch = new LeadPatch().contact(new ContactPatch().phone("+44 20 7946 0000"));
    Lead patched = leads.patchLead(lead.getId(), etag, patch);
    assertEquals(2L, patched.getVersion());
    assertEquals("+44 20 7946 0000", patched.getContact().getPhone());
    assertEquals(lead.getContact().getEmail(), patched.getContact().getEmail());

    Problem stale = refused(412, () -> leads.patchLead(lead.getId(), etag, patch));
    assertEquals("urn:baton:problem:precondition-failed", stale.getType());
    assertEquals(2L, stale.getCurrentVersion());
  }

  @Test
  default void anUnknownLeadIsNotFoundWhereverItIsRead() {
    UUID unknown = UUID.randomUUID();
    LeadsApi leads = new LeadsApi(admin());
    assertEquals(
        "urn:baton:problem:not-found", refused(404, () -> leads.getLead(unknown)).getType());
    assertEquals(
        "urn:baton:problem:not-found", refused(404, () -> leads.getLeadHistory(unknown)).getType());
    assertEquals(
        "urn:baton:problem:not-found",
        refused(404, () -> new PersonalDataApi(admin()).erasePersonalData(unknown)).getType());
  }

  @Test
  default void erasureKeepsTheFunnelFactsAndForgetsThePerson() throws Exception {
    Lead lead = handOff(InitialStatus.QUALIFIED);
    Erasure erasure = new PersonalDataApi(admin()).erasePersonalData(lead.getId());
    assertEquals(List.of(lead.getId()), erasure.getLeadIds());
    assertNotNull(erasure.getErasedAt());

    Lead erased = new LeadsApi(admin()).getLead(lead.getId());
    assertEquals(LeadStatus.QUALIFIED, erased.getStatus());
    assertNotNull(erased.getErasedAt());
    assertNull(erased.getContact());
  }
}
