package dev.baton.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue's promises: a statement that must change one row fails its transaction when it changes
 * none, with everything queued beside it, whether the request sends the queue or the commit does.
 */
@QuarkusTest
class PipelineTest {

  private static final String SCORE = "UPDATE lead SET score = ? WHERE id = ?";

  @Inject Pipeline pipeline;
  @Inject AgroalDataSource db;

  @Test
  void anUpdateThatChangesOneRowIsWritten() throws SQLException {
    UUID lead = UUID.fromString(Leads.leadIn("GENERATED"));
    QuarkusTransaction.requiringNew().run(() -> pipeline.addOneRow(SCORE, 41, lead));
    assertEquals(41, score(lead));
  }

  /** Sent by the request ({@code true}) or only by the commit ({@code false}). */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anUpdateThatMissesItsRowFailsAndLeavesNothing(boolean send) throws SQLException {
    UUID lead = UUID.fromString(Leads.leadIn("GENERATED"));
    RuntimeException failed = missingItsRowBeside(lead, send);
    assertTrue(
        message(failed).contains("changed 0 rows instead of one"), "the cause: " + message(failed));
    assertEquals(0, score(lead), "the statement queued beside it is rolled back");
  }

  /**
   * A transaction that queues a change of {@code lead} and an update of a lead that is not there,
   * sent by the request ({@code send}) or by the commit: it must fail.
   */
  private RuntimeException missingItsRowBeside(UUID lead, boolean send) {
    return assertThrows(
        RuntimeException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      pipeline.add(SCORE, 42, lead);
                      pipeline.addOneRow(SCORE, 43, UUID.randomUUID());
                      if (send) {
                        pipeline.send();
                      }
                    }));
  }

  private int score(UUID lead) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement read =
            connection.prepareStatement("SELECT score FROM lead WHERE id = ?")) {
      read.setObject(1, lead);
      try (ResultSet row = read.executeQuery()) {
        assertTrue(row.next(), "the lead exists");
        return row.getInt(1);
      }
    }
  }

  private static String message(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" / ");
    }
    return all.toString();
  }
}
