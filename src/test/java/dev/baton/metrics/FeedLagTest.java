package dev.baton.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Scrape;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * baton_feed_lag_seconds: a transaction held open holds back the events committed after it began,
 * and the lag grows; once it ends, the feed catches up and the lag is 0 again.
 */
@QuarkusTest
class FeedLagTest {

  private static final String LAG = "baton_feed_lag_seconds";

  @Inject AgroalDataSource database;

  @Test
  void aLongTransactionMakesTheFeedLagUntilItEnds() throws Exception {
    Scrape.await(LAG, lag -> lag >= 0);
    try (Connection held = database.getConnection()) {
      held.setAutoCommit(false);
      try (Statement sql = held.createStatement()) {
        // A transaction id: the feed's horizon cannot pass this transaction while it runs.
        sql.execute("SELECT pg_current_xact_id()");
      }
      Api.handOff("GENERATED");
      double lag = Scrape.await(LAG, seconds -> seconds > 0);
      double later = Scrape.await(LAG, seconds -> seconds > lag);
      assertTrue(later > lag);
      held.rollback();
    }
    Scrape.await(LAG, lag -> lag == 0);
  }
}
