package dev.baton.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What table lead holds, and what PostgreSQL's statistics know of it, read straight from it. */
public final class LeadStatistics {

  private LeadStatistics() {}

  /** How many leads the statistics of table lead know of. */
  public static long known(AgroalDataSource database) throws SQLException {
    return single(
        database,
        "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'lead'::regclass");
  }

  /** How many leads table lead holds. */
  public static long leads(AgroalDataSource database) throws SQLException {
    return single(database, "SELECT count(*) FROM lead");
  }

  /** How many times tables lead and lead_external_ref were analysed, autovacuum aside. */
  public static long analyses(AgroalDataSource database) throws SQLException {
    return single(
        database,
        "SELECT coalesce(sum(analyze_count), 0) FROM pg_stat_user_tables"
            + " WHERE relname IN ('lead', 'lead_external_ref')");
  }

  private static long single(AgroalDataSource database, String query) throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }
}
