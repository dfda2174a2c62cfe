package dev.baton.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.db.Pipeline;
import dev.baton.json.JsonBinder;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.problem.ProblemException;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Hands off many leads in one transaction, one savepoint per item: an item that is invalid or a
 * duplicate is rolled back alone and answered with its problem, the others are committed together
 * (and, under an Idempotency-Key, with the record of the whole answer).
 */
@ApplicationScoped
public class LeadBatchService {

  /** The outcome of one item: its lead, or its problem. */
  public record Outcome(int index, LeadView lead, ProblemException problem) {}

  private final LeadService service;
  private final LeadRepository leads;
  private final JsonBinder binder;
  private final EntityManager entityManager;
  private final Pipeline pipeline;

  public LeadBatchService(
      LeadService service,
      LeadRepository leads,
      JsonBinder binder,
      EntityManager entityManager,
      Pipeline pipeline) {
    this.service = service;
    this.leads = leads;
    this.binder = binder;
    this.entityManager = entityManager;
    this.pipeline = pipeline;
  }

  @Transactional
  public List<Outcome> handOff(List<JsonNode> items, Caller caller) {
    Session session = entityManager.unwrap(Session.class);
    // Every person and external id of the batch, locked up front in one sorted pass: two batches
    // sharing leads in another order wait for each other instead of deadlocking.
    leads.lockIdentities(identities(items));
    List<Outcome> outcomes = new ArrayList<>(items.size());
    for (int index = 0; index < items.size(); index++) {
      sql(session, "SAVEPOINT batch_item");
      try {
        if (items.get(index) == null || !items.get(index).isObject()) {
          throw ProblemException.invalid("body", "must be a lead (a JSON object)");
        }
        NewLead lead = binder.bindValid(items.get(index), NewLead.class);
        outcomes.add(new Outcome(index, service.handOff(lead, caller), null));
        pipeline.send();
        sql(session, "RELEASE SAVEPOINT batch_item");
        // Written: let it go. Each native statement (locks, upserts, the outbox) flushes the
        // persistence context, checking every entity in it: a batch that kept its leads and
        // their events checked them over and over, ten times the cost of a lone handoff.
        session.clear();
      } catch (ProblemException problem) {
        sql(session, "ROLLBACK TO SAVEPOINT batch_item");
        // What the failed item left in the persistence context or queued must not be written
        // later.
        session.clear();
        pipeline.discard();
        outcomes.add(new Outcome(index, null, problem));
      }
    }
    return outcomes;
  }

  /** The lock keys of the items, read from the raw JSON (an unreadable item has none). */
  private static List<String> identities(List<JsonNode> items) {
    List<String> keys = new ArrayList<>();
    for (JsonNode item : items) {
      if (item == null) {
        continue;
      }
      JsonNode email = item.path("contact").path("email");
      if (email.isTextual()) {
        keys.add(LeadRepository.personKey(LeadContact.normalize(email.textValue())));
      }
      for (JsonNode ref : item.path("externalRefs")) {
        if (ref.path("system").isTextual() && ref.path("id").isTextual()) {
          keys.add(
              LeadRepository.refKey(
                  new ExternalRef(ref.get("system").textValue(), ref.get("id").textValue())));
        }
      }
    }
    return keys;
  }

  /**
   * Savepoints as SQL: the pool refuses JDBC savepoint rollbacks on a connection enlisted in a JTA
   * transaction, but PostgreSQL's own statements do the same within it.
   */
  private static void sql(Session session, String statement) {
    session.doWork(
        connection -> {
          try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
          }
        });
  }
}
