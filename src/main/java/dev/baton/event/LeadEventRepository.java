package dev.baton.event;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class LeadEventRepository implements PanacheRepositoryBase<LeadEvent, Long> {

  /** A page of the feed and where the next one starts. */
  public record FeedPage(List<LeadEvent> events, FeedCursor next) {}

  /**
   * Events after {@code after} in (transaction, id) order, of transactions older than every one
   * still running. When the page is not full, every event below that horizon has been read, and the
   * next cursor moves up to it, past any events the type filter skipped.
   */
  public FeedPage feed(FeedCursor after, List<String> types, int limit) {
    long horizon =
        ((Number)
                getEntityManager()
                    .createNativeQuery(
                        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .getSingleResult())
            .longValue();
    String typeFilter = types.isEmpty() ? "" : " AND type IN (:types)";
    var query =
        getEntityManager()
            .createNativeQuery(
                "SELECT id, txid FROM lead_event"
                    + " WHERE (txid, id) > (:txid, :id) AND txid < :horizon"
                    + typeFilter
                    + " ORDER BY txid, id LIMIT :limit")
            .setParameter("txid", after.txid())
            .setParameter("id", after.id())
            .setParameter("horizon", horizon)
            .setParameter("limit", limit);
    if (!types.isEmpty()) {
      query.setParameter("types", types);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    if (rows.isEmpty()) {
      FeedCursor next =
          horizon - 1 > after.txid() ? new FeedCursor(horizon - 1, Long.MAX_VALUE) : after;
      return new FeedPage(List.of(), next);
    }
    List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
    Map<Long, LeadEvent> byId = new HashMap<>();
    list("id in ?1", ids).forEach(event -> byId.put(event.getId(), event));
    List<LeadEvent> events = ids.stream().map(byId::get).toList();
    Object[] last = rows.get(rows.size() - 1);
    FeedCursor next =
        rows.size() < limit && horizon - 1 > ((Number) last[1]).longValue()
            ? new FeedCursor(horizon - 1, Long.MAX_VALUE)
            : new FeedCursor(((Number) last[1]).longValue(), ((Number) last[0]).longValue());
    return new FeedPage(events, next);
  }

  /** Deletes up to {@code batch} events that occurred before {@code cutoff}; oldest first. */
  public int purgeBefore(Instant cutoff, int batch) {
    return getEntityManager()
        .createNativeQuery(
            "DELETE FROM lead_event WHERE id IN"
                + " (SELECT id FROM lead_event WHERE occurred_at < ?1 ORDER BY occurred_at LIMIT ?2)")
        .setParameter(1, cutoff)
        .setParameter(2, batch)
        .executeUpdate();
  }

  /** A lead's history in the order it was written; served by lead_event (lead_id, id). */
  public List<LeadEvent> ofLead(UUID leadId) {
    return list("leadId = ?1 order by id", leadId);
  }
}
