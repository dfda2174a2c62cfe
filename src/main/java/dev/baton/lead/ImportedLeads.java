package dev.baton.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.db.CopyRows;
import dev.baton.event.EventLog;
import dev.baton.lead.PastRecords.PastCycle;
import dev.baton.lead.PastRecords.PastEvent;
import dev.baton.lead.PastRecords.PastFeedbackRow;
import dev.baton.sla.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes played pasts ({@link HistoryReplay}) in the caller's transaction with PostgreSQL's {@code
 * COPY}: the leads ({@link LeadRows}) and their external ids, cycles, events and feedback, one
 * {@code COPY} per table and batch. Events are written as the feed's rows, with no webhook
 * delivery: an import brings in the past, and the past is not news.
 */
@ApplicationScoped
public class ImportedLeads {

  /** Who an imported event or feedback names: the actor {@code import}, no role. */
  public static final String ACTOR = "import";

  private static final String CYCLE_COLUMNS =
      "lead_id, cycle, handed_off_at, source, campaign, segment, content, owner,"
          + " entered_generated, qualified_at, accepted_at, rejected_at, converted_at,"
          + " recycled_at, rejection_reason, rejection_accountable, amount, currency,"
          + " sla_started_at, sla_deadline, sla_state, sla_decided_at, rating_sum, rating_count,"
          + " sla_breaches, assignee, queue, was_accepted";

  private final EntityManager em;
  private final ObjectMapper json;

  public ImportedLeads(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /**
   * Writes the rows of a played past into text ahead of its batch, on the thread that read it: all
   * but its lead row's link to the person's last closed lead, and its first event when that link is
   * made, which wait for the batch's duplicates to be found ({@link #write}).
   */
  public void render(Played row, UUID importId, UUID keyId, Instant now) {
    CopyRows head = new CopyRows(1024);
    LeadRows.head(head, row.lead(), this::toJson);
    CopyRows tail = new CopyRows(256);
    LeadRows.tail(tail, row.lead());
    CopyRows refs = new CopyRows(128);
    LeadRows.refs(refs, row.lead());
    CopyRows cycles = new CopyRows(512);
    row.cycles().forEach(cycle -> cycle(cycles, cycle));
    CopyRows first = new CopyRows(512);
    event(first, row.events().get(0), importId, keyId, now);
    CopyRows events = new CopyRows(1024);
    row.events().stream().skip(1).forEach(event -> event(events, event, importId, keyId, now));
    CopyRows feedback = new CopyRows(256);
    row.feedback().forEach(given -> feedback(feedback, given, keyId));
    row.text =
        new Played.Text(
            head.text(),
            tail.text(),
            refs.text(),
            cycles.text(),
            first.text(),
            events.text(),
            feedback.text(),
            importId,
            keyId,
            now);
  }

  /** Writes {@code rows}, each {@link #render rendered}: one {@code COPY} per table. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void write(List<Played> rows) {
    if (rows.isEmpty()) {
      return;
    }
    CopyRows leads = new CopyRows();
    CopyRows refs = new CopyRows();
    CopyRows cycles = new CopyRows();
    CopyRows events = new CopyRows();
    CopyRows feedback = new CopyRows();
    for (Played row : rows) {
      Played.Text text = row.text;
      leads.raw(text.head()).add(row.lead().getPreviousLeadId()).raw(text.tail());
      refs.raw(text.refs());
      cycles.raw(text.cycles());
      if (row.lead().getPreviousLeadId() == null) {
        events.raw(text.firstEvent());
      } else {
        event(events, row.events().get(0), text.importId(), text.keyId(), text.now());
      }
      events.raw(text.laterEvents());
      feedback.raw(text.feedback());
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              leads.copyInto(connection, LeadRows.COLUMNS);
              refs.copyInto(connection, LeadRows.REF_COLUMNS);
              cycles.copyInto(connection, "lead_cycle (" + CYCLE_COLUMNS + ")");
              events.copyInto(
                  connection,
                  "lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,"
                      + " actor_name, actor_role, from_status, to_status, data, import_id,"
                      + " recorded_at)");
              feedback.copyInto(
                  connection,
                  "lead_feedback (id, lead_id, rating, kind, text, author_key_id, author_name,"
                      + " author_role, created_at)");
            });
  }

  private static void cycle(CopyRows out, PastCycle cycle) {
    LeadCycles.Facts f = cycle.facts();
    SlaClock sla = f.sla();
    out.add(f.leadId())
        .add(f.cycle())
        .add(f.handedOffAt())
        .add(f.source())
        .add(f.campaign())
        .add(f.segment())
        .add(f.content())
        .add(f.owner())
        .add(f.enteredGenerated())
        .add(f.qualifiedAt())
        .add(f.acceptedAt())
        .add(f.rejectedAt())
        .add(f.convertedAt())
        .add(cycle.recycledAt())
        .add(f.rejectionReason())
        .add(f.rejectionAccountable())
        .add(f.amount())
        .add(f.currency())
        .add(sla == null ? null : sla.getStartedAt())
        .add(sla == null ? null : sla.getDeadline())
        .add(sla == null ? null : sla.getState().name())
        .add(sla == null ? null : sla.getDecidedAt())
        .add(cycle.ratingSum())
        .add(cycle.ratingCount())
        .add(cycle.breaches())
        .add(f.assignee())
        .add(f.queue())
        .last(f.acceptedAt() != null);
  }

  private void event(CopyRows out, PastEvent e, UUID importId, UUID keyId, Instant now) {
    out.add(e.eventId())
        .add(e.leadId())
        .add(e.type())
        .add(e.leadVersion())
        .add(e.at())
        .add(keyId)
        .add(ACTOR)
        .add(EventLog.SYSTEM)
        .add(e.from())
        .add(e.to())
        .add(toJson(e.data()))
        .add(importId)
        .last(now);
  }

  private static void feedback(CopyRows out, PastFeedbackRow f, UUID keyId) {
    out.add(f.id())
        .add(f.leadId())
        .add(f.rating())
        .add(f.kind())
        .add(f.text())
        .add(keyId)
        .add(ACTOR)
        .add("ADMIN")
        .last(f.at());
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
