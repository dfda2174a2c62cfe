package dev.baton.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What an import batch needs to know of the leads already there, under the same advisory locks a
 * live handoff takes (the person, each external id): a handoff racing the batch waits for it, or
 * the batch for the handoff, and one of them sees the other's lead.
 */
@ApplicationScoped
public class ImportLookups {

  /** The person's open lead, last closed lead, and the leads holding external ids. */
  public record Existing(
      Map<String, UUID> open, Map<String, UUID> lastClosed, Map<ExternalRef, UUID> refs) {}

  private final EntityManager em;

  public ImportLookups(EntityManager em) {
    this.em = em;
  }

  /** Locks the persons and external ids, then reads what exists of them: a few statements. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Existing lockAndFind(Collection<String> emails, Collection<ExternalRef> refs) {
    TreeSet<String> keys = new TreeSet<>();
    emails.forEach(email -> keys.add(LeadRepository.personKey(email)));
    refs.forEach(ref -> keys.add(LeadRepository.refKey(ref)));
    Existing existing = new Existing(new HashMap<>(), new HashMap<>(), new HashMap<>());
    if (keys.isEmpty()) {
      return existing;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              // In Java's order of the keys, as LeadRepository.lockIdentities takes them.
              query(
                  connection,
                  "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) AS k",
                  List.of(keys),
                  row -> {});
              // Joined with the batch's values, not "= ANY(?)": with a thousand values, that one
              // took 60 to 90 ms to plan and run on 300,000 leads, this one 3 ms.
              String[] persons = emails.toArray(String[]::new);
              query(
                  connection,
                  "SELECT l.email_normalized, l.id FROM unnest(?::text[]) AS e(email)"
                      + " JOIN lead l ON l.email_normalized = e.email"
                      + " WHERE l.status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED')",
                  List.of(List.of(persons)),
                  row -> existing.open().put(row.getString(1), row.getObject(2, UUID.class)));
              query(
                  connection,
                  "SELECT DISTINCT ON (l.email_normalized) l.email_normalized, l.id"
                      + " FROM unnest(?::text[]) AS e(email)"
                      + " JOIN lead l ON l.email_normalized = e.email"
                      + " WHERE l.status IN ('CONVERTED', 'REJECTED')"
                      + " ORDER BY l.email_normalized, l.created_at DESC, l.id DESC",
                  List.of(List.of(persons)),
                  row -> existing.lastClosed().put(row.getString(1), row.getObject(2, UUID.class)));
              if (!refs.isEmpty()) {
                query(
                    connection,
                    "SELECT r.system, r.external_id, r.lead_id FROM lead_external_ref r"
                        + " JOIN unnest(?::text[], ?::text[]) AS u(s, i)"
                        + " ON r.system = u.s AND r.external_id = u.i",
                    List.of(
                        refs.stream().map(ExternalRef::system).toList(),
                        refs.stream().map(ExternalRef::id).toList()),
                    row ->
                        existing
                            .refs()
                            .put(
                                new ExternalRef(row.getString(1), row.getString(2)),
                                row.getObject(3, UUID.class)));
              }
            });
    return existing;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private static void query(
      Connection connection, String sql, List<? extends Collection<String>> arrays, RowReader rows)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < arrays.size(); i++) {
        Array array = connection.createArrayOf("text", arrays.get(i).toArray());
        statement.setArray(i + 1, array);
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.read(row);
        }
      }
    }
  }
}
