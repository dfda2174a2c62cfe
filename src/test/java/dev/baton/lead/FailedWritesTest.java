package dev.baton.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request's writes are sent together at its end (the lead, then its cycle, its event and the
 * event's webhook deliveries): when the last of them fails, the request fails and nothing of it
 * stays, and the same request made again afterwards succeeds. The failure is a trigger on
 * webhook_delivery that refuses the deliveries of "doomed" people's leads.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class FailedWritesTest {

  /** A trigger on webhook_delivery named {@code name} that refuses the rows of {@code when}. */
  private static String doom(String name, String when) {
    return """
        CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF %2$s THEN
                RAISE EXCEPTION 'refused by FailedWritesTest';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER %1$s BEFORE INSERT ON webhook_delivery
            FOR EACH ROW EXECUTE FUNCTION %1$s()
        """
        .formatted(name, when);
  }

  private static final String DOOMED =
      doom(
          "failed_writes_test",
          "EXISTS (SELECT 1 FROM lead WHERE id = NEW.lead_id"
              + " AND email_normalized LIKE 'doomed-%')");

  private static final String SPARED =
      "DROP TRIGGER IF EXISTS failed_writes_test ON webhook_delivery;"
          + " DROP FUNCTION IF EXISTS failed_writes_test()";

  private final Hooks hooks = new Hooks();
  private String webhook;

  @Inject AgroalDataSource database;

  @BeforeEach
  void subscribe() {
    webhook = hooks.subscribe("http://127.0.0.1:9/never", null).getString("webhook.id");
  }

  private static final String ERASURE_SPARED =
      "DROP TRIGGER IF EXISTS failed_writes_erasure ON webhook_delivery;"
          + " DROP FUNCTION IF EXISTS failed_writes_erasure()";

  @AfterEach
  void clean() throws SQLException {
    sql(SPARED);
    sql(ERASURE_SPARED);
    hooks.deleteAll();
  }

  @Test
  void aHandoffWhoseLastWriteFailsLeavesNothingAndCanBeMadeAgain() throws SQLException {
    String source = Leads.uniqueSource();
    Map<String, Object> body = doomedBody(source, "QUALIFIED");
    String email = email(body);
    sql(DOOMED);

    int status = Api.as(As.MARKETING).body(body).post(Leads.LEADS).then().extract().statusCode();

    assertTrue(status >= 500, "a failed write is the server's failure, answered " + status);
    assertEquals(List.of(0L, 0L, 0L, 0L), traces(email, source));

    sql(SPARED);
    String id = Leads.handOff(body);
    assertEquals(List.of(1L, 1L, 1L, 1L), traces(email, source), "lead, cycle, event, delivery");
    assertEquals("QUALIFIED", Leads.get(id).path("status"));
  }

  @Test
  void aMoveWhoseLastWriteFailsLeavesTheLeadAsItWas() throws SQLException {
    String source = Leads.uniqueSource();
    Map<String, Object> body = doomedBody(source, "QUALIFIED");
    String email = email(body);
    String id = Leads.handOff(body);
    long version = Leads.version(id);
    List<String> history = Leads.historyTypes(id);
    sql(DOOMED);

    int status =
        Leads.move(Api.as(As.ADMIN), id, "accept", Map.of("owner", "jane@acme.com"))
            .then()
            .extract()
            .statusCode();

    assertTrue(status >= 500, "a failed write is the server's failure, answered " + status);
    assertEquals("QUALIFIED", Leads.get(id).path("status"));
    assertEquals(version, Leads.version(id));
    assertEquals(history, Leads.historyTypes(id));
    assertNull(cycleAcceptedAt(id), "the cycle was not moved");
    assertEquals(List.of(1L, 1L, 1L, 1L), traces(email, source), "only the handoff's rows");

    sql(SPARED);
    Leads.move(Api.as(As.ADMIN), id, "accept", Map.of("owner", "jane@acme.com"))
        .then()
        .statusCode(200);
    assertEquals("ACCEPTED", Leads.get(id).path("status"));
    assertEquals(List.of(1L, 1L, 2L, 2L), traces(email, source), "and the accept's");
  }

  @Test
  void anErasureWhoseEventFailsAtCommitErasesNothing() throws SQLException {
    String id = Leads.leadIn("GENERATED");
    String email = Leads.get(id).path("contact.email");
    // An erasure's writes are sent when its transaction commits: the lead.erased delivery fails.
    sql(
        doom(
            "failed_writes_erasure",
            "NEW.event_type = 'lead.erased' AND NEW.lead_id = '" + id + "'"));

    int status =
        Api.as(As.ADMIN)
            .delete(Leads.LEADS + "/" + id + "/personal-data")
            .then()
            .extract()
            .statusCode();

    assertTrue(status >= 500, "a failed write is the server's failure, answered " + status);
    assertEquals(email, Leads.get(id).path("contact.email"), "the person is still there");
    assertTrue(!Leads.historyTypes(id).contains("lead.erased"));

    sql(ERASURE_SPARED);
    Api.as(As.ADMIN).delete(Leads.LEADS + "/" + id + "/personal-data").then().statusCode(200);
    assertTrue(Leads.historyTypes(id).contains("lead.erased"));
  }

  @Test
  void aBatchWhoseItemFailsInItsLastWriteCommitsNoneOfIt() throws SQLException {
    String source = Leads.uniqueSource();
    Map<String, Object> first = Leads.body(source, "GENERATED");
    Map<String, Object> doomed = doomedBody(source, "GENERATED");
    sql(DOOMED);

    int status =
        Api.as(As.MARKETING)
            .body(Map.of("leads", List.of(first, doomed)))
            .post(Leads.LEADS + "/batch")
            .then()
            .extract()
            .statusCode();

    assertTrue(status >= 500, "a failed write is the server's failure, answered " + status);
    assertEquals(0L, count("SELECT count(*) FROM lead WHERE source = ?", source));
    assertEquals(0L, count("SELECT count(*) FROM lead_cycle WHERE source = ?", source));
  }

  /** A lead of a "doomed" person: the trigger DOOMED refuses its deliveries. */
  private static Map<String, Object> doomedBody(String source, String status) {
    Map<String, Object> body = Leads.body(source, status);
    ((Map<String, Object>) body.get("contact"))
        .put("email", "doomed-" + UUID.randomUUID() + "@example.com");
    return body;
  }

  private static String email(Map<String, Object> body) {
    return (String) ((Map<String, Object>) body.get("contact")).get("email");
  }

  /** The person's leads, their cycles, their events and their webhook deliveries. */
  private List<Long> traces(String email, String source) throws SQLException {
    return List.of(
        count("SELECT count(*) FROM lead WHERE email_normalized = ?", email),
        count("SELECT count(*) FROM lead_cycle WHERE source = ?", source),
        count(
            "SELECT count(*) FROM lead_event e JOIN lead l ON l.id = e.lead_id"
                + " WHERE l.email_normalized = ?",
            email),
        count(
            "SELECT count(*) FROM webhook_delivery d JOIN lead l ON l.id = d.lead_id"
                + " WHERE l.email_normalized = ? AND d.webhook_id = ?::uuid",
            email,
            webhook));
  }

  private Object cycleAcceptedAt(String id) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT accepted_at FROM lead_cycle WHERE lead_id = ?::uuid")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        return row.getObject(1);
      }
    }
  }

  private long count(String sql, String... values) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        query.setString(i + 1, values[i]);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private void sql(String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
