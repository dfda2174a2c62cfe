package dev.baton.event;

import dev.baton.db.Pipeline;
import dev.baton.json.JsonColumns;
import dev.baton.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LeadEventRepository implements PanacheRepositoryBase<LeadEvent, Long> {

  private static final String INSERT =
      """
      INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,
          actor_name, actor_role, from_status, to_status, data)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

  private final Pipeline pipeline;

  LeadEventRepository(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Writes the event with the transaction's other queued statements ({@link Pipeline}); its
   * sequence number and transaction id are the database's, and not read back.
   */
  void queue(LeadEvent event) {
    pipeline.add(
        INSERT,
        event.getEventId(),
        event.getLeadId(),
        event.getType(),
        event.getLeadVersion(),
        event.getOccurredAt(),
        event.getActorKeyId(),
        event.getActorName(),
        event.getActorRole(),
        event.getFromStatus(),
        event.getToStatus(),
        JsonColumns.write(event.getData()));
  }

  /** A page of the feed and where the next one starts. */
  public record FeedPage(List<LeadEvent> events, FeedCursor next) {}

  /**
   * Events after {@code after} in (transaction, id) order, of transactions older than every one
   * still running. When the page is not full, every event below that horizon has been read, and the
   * next cursor moves up to it, past any events the type filter skipped.
   */
  public FeedPage feed(FeedCursor after, List<String> types, int limit) {
    Object[] snapshot =
        (Object[])
            getEntityManager()
                .createNativeQuery(
                    "SELECT pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint"
                        + " FROM pg_current_snapshot() s")
                .getSingleResult();
    long horizon = ((Number) snapshot[0]).longValue();
    if (after.txid() >= ((Number) snapshot[1]).longValue()) {
      // A position this database has not reached: the cursor comes from another (restored?) one.
      throw ProblemException.invalid(
          "after", "is ahead of this database (was it restored or moved?); start again without it");
    }
    String query =
        "(txid, id) > (:txid, :id) and txid < :horizon"
            + (types.isEmpty() ? "" : " and type in :types")
            + " order by txid, id";
    Parameters params =
        Parameters.with("txid", after.txid()).and("id", after.id()).and("horizon", horizon);
    if (!types.isEmpty()) {
      params.and("types", types);
    }
    List<LeadEvent> events = find(query, params).page(0, limit).list();
    FeedCursor caughtUp = new FeedCursor(horizon - 1, Long.MAX_VALUE);
    if (events.isEmpty()) {
      return new FeedPage(List.of(), horizon - 1 > after.txid() ? caughtUp : after);
    }
    LeadEvent last = events.get(events.size() - 1);
    FeedCursor next =
        events.size() < limit && horizon - 1 > last.getTxid()
            ? caughtUp
            : new FeedCursor(last.getTxid(), last.getId());
    return new FeedPage(events, next);
  }

  /**
   * When the first event the feed holds back was written: committed, but by a transaction younger
   * than one still running, so above the horizon; empty when the feed holds nothing back. One step
   * of lead_event_feed (txid, id).
   */
  public Optional<Instant> firstHeldBack() {
    long horizon =
        ((Number)
                getEntityManager()
                    .createNativeQuery(
                        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .getSingleResult())
            .longValue();
    return find("txid >= ?1 order by txid, id", horizon)
        .page(0, 1)
        .firstResultOptional()
        .map(LeadEvent::getOccurredAt);
  }

  /**
   * Deletes up to {@code batch} events recorded before {@code cutoff}, oldest first: a live event
   * is recorded when it occurs, an imported one when it was imported.
   */
  public int purgeBefore(Instant cutoff, int batch) {
    return getEntityManager()
        .createNativeQuery(
            "DELETE FROM lead_event WHERE id IN"
                + " (SELECT id FROM lead_event WHERE coalesce(recorded_at, occurred_at) < ?1"
                + " ORDER BY coalesce(recorded_at, occurred_at) LIMIT ?2)")
        .setParameter(1, cutoff)
        .setParameter(2, batch)
        .executeUpdate();
  }

  /** Removes the named members from the data of a lead's events; their order stays. */
  public void erase(UUID leadId, List<String> members) {
    pipeline.send(); // this transaction's events are among them
    getEntityManager()
        .createNativeQuery(
            "UPDATE lead_event SET data = data - string_to_array(?2, ',') WHERE lead_id = ?1")
        .setParameter(1, leadId)
        .setParameter(2, String.join(",", members))
        .executeUpdate();
  }

  /** A lead's history in the order it was written; served by lead_event (lead_id, id). */
  public List<LeadEvent> ofLead(UUID leadId) {
    return list("leadId = ?1 order by id", leadId);
  }
}
