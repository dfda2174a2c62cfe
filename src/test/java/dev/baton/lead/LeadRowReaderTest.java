package dev.baton.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.paging.Cursor;
import dev.baton.testing.Leads;
import dev.baton.testing.Teams;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A move and a page of the list read their leads in SQL ({@link LeadRowReader}) instead of through
 * Hibernate: they must read the lead Hibernate would, column for column and part for part, and a
 * move must see what the lock's last holder committed.
 */
@QuarkusTest
class LeadRowReaderTest {

  @Inject AgroalDataSource db;
  @Inject LeadRepository leads;

  /** Every nullable column of the row set, so that no column can be read wrong unnoticed. */
  @Test
  void aLeadWithEveryColumnSetReadsAsHibernateReadsIt() throws SQLException {
    Map<String, Object> body = Leads.withWholePerson(Leads.body(Leads.uniqueSource(), "GENERATED"));
    body.put("segment", "enterprise");
    Map<String, Object> attribution = new LinkedHashMap<>();
    for (String field :
        List.of(
            "campaign",
            "medium",
            "content",
            "term",
            "utmSource",
            "utmMedium",
            "utmCampaign",
            "utmTerm",
            "utmContent")) {
      attribution.put(field, field + "-value");
    }
    attribution.put("source", Leads.uniqueSource());
    body.put("attribution", attribution);
    body.put(
        "attributes",
        Map.of("seats", 12, "ratio", 0.125, "tags", List.of("a", "b"), "nested", Map.of("k", "v")));
    body.put(
        "externalRefs",
        List.of(
            Map.of("system", "salesforce", "id", UUID.randomUUID().toString()),
            Map.of("system", "hubspot", "id", UUID.randomUUID().toString())));
    UUID id = UUID.fromString(Leads.handOff(body));
    UUID previous = UUID.fromString(Leads.leadIn("GENERATED"));
    String member = Teams.member("reader");
    sql(
        """
        UPDATE lead SET status = 'REJECTED', score = 71, qualification_note = 'fit',
          owner = 'jane@acme.com', previous_lead_id = ?, updated_at = now() - interval '10 minutes',
          generated_at = now() - interval '4 hours', qualified_at = now() - interval '3 hours',
          accepted_at = now() - interval '2 hours', rejected_at = now() - interval '1 hour',
          converted_at = now() - interval '30 minutes',
          rejection_reason = 'NOT_ICP', rejection_note = 'wrong segment',
          opportunity_ref = '006-1', amount = 1200.50, currency = 'EUR', recycle_count = 2,
          sla_started_at = now() - interval '179 minutes', sla_deadline = now() + interval '1 day',
          sla_state = 'MET', sla_decided_at = now() - interval '119 minutes',
          sla_warn_at = now() - interval '150 minutes', sla_warned_at = now() - interval '140 minutes',
          sla_imported = false,
          dispute_state = 'UPHELD', dispute_reason = 'SPAM', dispute_note = 'they are',
          disputed_at = now() - interval '50 minutes', disputed_by = 'marketing',
          dispute_resolved_at = now() - interval '40 minutes', dispute_resolved_by = 'sales',
          dispute_resolution_note = 'they are not',
          assignee_id = ?, assignee_queue = 'emea', assigned_at = now() - interval '170 minutes'
        WHERE id = ?
        """,
        previous,
        member,
        id);

    LeadView read = sameAsHibernate(id).view();
    assertEquals(List.of(true, true, true, true, true, true, true), sameAsHibernate(id).parts());
    assertEquals("NOT_ICP", read.rejection().reason());
    assertEquals(member, read.assignee().memberId());
    assertEquals(2, read.externalRefs().size());
  }

  /** Hibernate reads an embedded part whose columns are all null as no part at all. */
  @Test
  void aLeadWithoutItsOptionalPartsHasNoneOfThem() {
    UUID id = UUID.fromString(Leads.leadIn("GENERATED"));
    Read read = sameAsHibernate(id);
    assertEquals(List.of(), read.view().externalRefs());
    assertEquals(List.of(true, false, false, false, false, false, false), read.parts());
  }

  /** A part with one column set is a part, its other columns null: Hibernate's reading too. */
  @Test
  void aPartOnlyPartlySetIsAPart() throws SQLException {
    UUID id = UUID.fromString(Leads.leadIn("GENERATED"));
    sql(
        "UPDATE lead SET company_name = NULL, company_domain = NULL, company_industry = NULL,"
            + " company_size = NULL, company_country = 'GB', consent_granted = NULL,"
            + " consent_captured_at = NULL, consent_source = 'form', sla_state = 'PENDING',"
            + " dispute_note = 'they are', assignee_queue = 'emea' WHERE id = ?",
        id);
    Read read = sameAsHibernate(id);
    assertEquals(List.of(true, true, true, true, true, true, false), read.parts());
    assertEquals("GB", read.view().company().country());
    assertEquals("emea", read.view().assignee().queue());
  }

  @Test
  void anErasedLeadReadsAsHibernateReadsIt() throws SQLException {
    UUID id = UUID.fromString(Leads.leadIn("GENERATED"));
    sql(
        "UPDATE lead SET erased_at = now(), email = NULL, email_normalized = NULL,"
            + " first_name = NULL, last_name = NULL, phone = NULL, job_title = NULL WHERE id = ?",
        id);
    Read read = sameAsHibernate(id);
    assertTrue(read.view().erasedAt() != null);
    assertEquals(List.of(false, false, false, false, false, false, false), read.parts());
  }

  @Test
  void aLeadThatIsNotThereIsNotFound() {
    assertFalse(
        QuarkusTransaction.requiringNew()
            .call(() -> leads.lockToWrite(UUID.randomUUID()))
            .isPresent());
  }

  /**
   * The lead read in SQL, checked against Hibernate's reading of the same row: every column ({@link
   * LeadRows#update} writes them all), every part and the external ids.
   */
  private Read sameAsHibernate(UUID id) {
    Read hibernate =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Lead lead = leads.findById(id);
                  return reading(lead, lead.getExternalRefs());
                });
    Read sql =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Lead lead = leads.lockToWrite(id).orElseThrow();
                  assertFalse(leads.getEntityManager().contains(lead), "Hibernate holds it");
                  return reading(lead, lead.getExternalRefs());
                });
    // A page of the list (LeadPages) starting at this lead reads it the same way.
    Cursor before = new Cursor(hibernate.lead().getCreatedAt(), new UUID(0, 0));
    Lead first =
        leads
            .page(
                new LeadRepository.Filter(null, null, null, null, null, null, null, null),
                before,
                1)
            .get(0);
    assertEquals(id, first.getId(), "the page starts at the lead");
    Read listed = reading(first, first.getExternalRefs());
    for (Read read : List.of(sql, listed)) {
      assertEquals(hibernate.row(), read.row());
      assertEquals(hibernate.view(), read.view());
      assertEquals(hibernate.parts(), read.parts());
    }
    return sql;
  }

  /** What a reading gives: the row it would write, the view it shows, which parts it has. */
  private record Read(Lead lead, List<Object> row, LeadView view, List<Boolean> parts) {}

  private static Read reading(Lead lead, List<ExternalRef> refs) {
    List<ExternalRef> sorted = new ArrayList<>(refs);
    sorted.sort(Comparator.comparing(ExternalRef::system));
    LeadCycle cycle = lead.getCycle();
    LeadDetails details = lead.getDetails();
    return new Read(
        lead,
        Arrays.asList(LeadRows.update(lead)),
        LeadViews.of(lead, sorted),
        Arrays.asList(
            details.contact() != null,
            details.company() != null,
            details.consent() != null,
            cycle.getSla() != null,
            cycle.getDispute() != null,
            cycle.getAssignee() != null,
            cycle.rejection() != null));
  }

  private void sql(String statement, Object... values) throws SQLException {
    try (Connection connection = db.getConnection()) {
      execute(connection, statement, values);
    }
  }

  private static void execute(Connection connection, String statement, Object... values)
      throws SQLException {
    try (PreparedStatement prepared = connection.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        prepared.setObject(i + 1, values[i]);
      }
      assertTrue(prepared.execute() || prepared.getUpdateCount() >= 0);
    }
  }
}
