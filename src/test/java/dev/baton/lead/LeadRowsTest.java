package dev.baton.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * A move writes its lead's row with a statement of its own ({@link LeadRows#UPDATE}) instead of
 * Hibernate's: it must write every column the entity maps, and change nothing a move does not
 * change.
 */
@QuarkusTest
class LeadRowsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What moves may change; the rest of a lead's row (who, where from, when created) stays. */
  private static final Set<String> FUNNEL =
      Set.of(
          "status",
          "score",
          "qualification_note",
          "owner",
          "qualified_at",
          "accepted_at",
          "rejected_at",
          "converted_at",
          "rejection_reason",
          "rejection_note",
          "opportunity_ref",
          "amount",
          "currency",
          "recycle_count",
          "version",
          "updated_at",
          "sla_started_at",
          "sla_deadline",
          "sla_state",
          "sla_decided_at",
          "sla_warn_at",
          "sla_warned_at",
          "assignee_id",
          "assignee_queue",
          "assigned_at");

  @Inject EntityManagerFactory factory;
  @Inject AgroalDataSource db;
  @Inject LeadRepository leads;

  /**
   * A move reads its lead in SQL, outside Hibernate; but a lead the transaction already held is the
   * one it changes, and must be made read-only, or Hibernate would write it again at flush, after
   * the queued update (and refuse its own stale version).
   */
  @Test
  void aLeadTheTransactionAlreadyHeldIsLockedReadOnlyToo() {
    UUID id = UUID.fromString(Leads.handOff(Leads.body(Leads.uniqueSource(), "GENERATED")));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Session session = leads.getEntityManager().unwrap(Session.class);
              Lead held = leads.findById(id);
              assertFalse(session.isReadOnly(held));
              committedElsewhere(id); // between this transaction's read and its lock
              Lead locked = leads.lockToWrite(id).orElseThrow();
              assertSame(held, locked);
              assertTrue(session.isReadOnly(locked));
              assertEquals(17, locked.getScore(), "read again under the lock");
            });
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                assertFalse(
                    leads.getEntityManager().contains(leads.lockToWrite(id).orElseThrow()),
                    "a lead read for a move is not Hibernate's to write"));
  }

  private void committedElsewhere(UUID id) {
    try (Connection connection = db.getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE lead SET score = 17 WHERE id = ?")) {
      update.setObject(1, id);
      assertEquals(1, update.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theUpdateWritesEveryColumnTheEntityMaps() {
    Set<String> mapped = new TreeSet<>();
    factory
        .unwrap(SessionFactoryImplementor.class)
        .getMappingMetamodel()
        .getEntityDescriptor(Lead.class)
        .forEachSelectable(
            (index, column) -> {
              if ("lead".equals(column.getContainingTableExpression())) {
                mapped.add(column.getSelectionExpression());
              }
            });
    mapped.remove("id"); // the row the update names
    assertEquals(mapped, new TreeSet<>(LeadRows.updated()));
    assertEquals(LeadRows.updated().size(), new HashSet<>(LeadRows.updated()).size());
  }

  @Test
  void aMoveRewritesOnlyWhatItChanges() throws SQLException {
    Map<String, Object> body = Leads.withWholePerson(Leads.body(Leads.uniqueSource(), "GENERATED"));
    body.put("attributes", Map.of("plan", "pro", "seats", 12, "tags", List.of("a", "b")));
    body.put("externalRefs", List.of(Map.of("system", "hubspot", "id", UUID.randomUUID())));
    String id = Leads.handOff(body);

    Map<String, Object> handedOff = row(id);
    Leads.move(Api.as(As.ADMIN), id, "qualify", Map.of("score", 70, "note", "budget confirmed"))
        .then()
        .statusCode(200);
    Map<String, Object> qualified = changed(handedOff, row(id), "status", "score", "qualified_at");
    Leads.move(Api.as(As.ADMIN), id, "accept", Map.of("owner", "jane@acme.com"))
        .then()
        .statusCode(200);
    Map<String, Object> accepted = changed(qualified, row(id), "status", "owner", "accepted_at");
    Leads.move(
            Api.as(As.ADMIN),
            id,
            "convert",
            Map.of("opportunityRef", "006-1", "amount", 1200.5, "currency", "EUR"))
        .then()
        .statusCode(200);
    Map<String, Object> converted =
        changed(accepted, row(id), "status", "converted_at", "opportunity_ref", "amount");
    assertEquals("CONVERTED", converted.get("status"));
    assertEquals(1200.5, ((Number) converted.get("amount")).doubleValue());
    assertEquals(4, ((Number) converted.get("version")).intValue());
  }

  /**
   * The row after a move, checked against the one before: the named columns changed, with version
   * and updated_at; nothing outside {@link #FUNNEL} did.
   */
  private static Map<String, Object> changed(
      Map<String, Object> before, Map<String, Object> after, String... expected) {
    Set<String> changed = new TreeSet<>();
    for (String column : after.keySet()) {
      if (!java.util.Objects.equals(before.get(column), after.get(column))) {
        changed.add(column);
      }
    }
    for (String column : expected) {
      assertTrue(changed.contains(column), column + " did not change: " + changed);
    }
    assertTrue(changed.contains("version") && changed.contains("updated_at"), changed.toString());
    Set<String> outside = new TreeSet<>(changed);
    outside.removeAll(FUNNEL);
    assertEquals(Set.of(), outside, "changed by a move: " + outside);
    return after;
  }

  /** The lead's row as PostgreSQL has it, column by column. */
  private Map<String, Object> row(String id) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT to_jsonb(l)::text FROM lead l WHERE id = ?")) {
      query.setObject(1, UUID.fromString(id));
      try (ResultSet rows = query.executeQuery()) {
        assertTrue(rows.next());
        try {
          return JSON.readValue(rows.getString(1), new TypeReference<Map<String, Object>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
