package dev.baton.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.db.CopyRows;
import dev.baton.db.CopyStream;
import dev.baton.event.EventLog;
import dev.baton.lead.PastRecords.PastCycle;
import dev.baton.lead.PastRecords.PastEvent;
import dev.baton.lead.PastRecords.PastFeedbackRow;
import dev.baton.sla.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
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

  private static final String EVENT_COLUMNS =
      "lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id, actor_name,"
          + " actor_role, from_status, to_status, data, import_id, recorded_at)";

  private static final String FEEDBACK_COLUMNS =
      "lead_feedback (id, lead_id, rating, kind, text, author_key_id, author_name, author_role,"
          + " created_at)";

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
  public RenderedPast render(Played row, UUID importId, UUID keyId, Instant now) {
    CopyRows text = new CopyRows(4096);
    LeadRows.head(text, row.lead(), this::toJson);
    byte[] head = text.take();
    LeadRows.tail(text, row.lead());
    byte[] tail = text.take();
    LeadRows.refs(text, row.lead());
    byte[] refs = text.take();
    row.cycles().forEach(cycle -> cycle(text, cycle));
    byte[] cycles = text.take();
    event(text, row.events().get(0), importId, keyId, now);
    byte[] first = text.take();
    row.events().stream().skip(1).forEach(event -> event(text, event, importId, keyId, now));
    byte[] events = text.take();
    row.feedback().forEach(given -> feedback(text, given, keyId));
    return new RenderedPast(
        row,
        new RenderedPast.Text(
            head, tail, refs, cycles, first, events, text.take(), importId, keyId, now));
  }

  /**
   * Writes {@code rows}, each {@link #render rendered}: one {@code COPY} per table, fed row by row
   * from the rendered text.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void write(List<RenderedPast> rows) {
    if (rows.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (CopyStream leads = CopyStream.into(connection, LeadRows.COLUMNS)) {
                for (RenderedPast row : rows) {
                  leads.write(row.text().head()).column(row.previousLeadId());
                  leads.write(row.text().tail());
                }
                leads.end();
              }
              copy(connection, LeadRows.REF_COLUMNS, rows, RenderedPast.Text::refs);
              copy(
                  connection,
                  "lead_cycle (" + CYCLE_COLUMNS + ")",
                  rows,
                  RenderedPast.Text::cycles);
              try (CopyStream events = CopyStream.into(connection, EVENT_COLUMNS)) {
                for (RenderedPast row : rows) {
                  RenderedPast.Text text = row.text();
                  if (row.previousLeadId() == null) {
                    events.write(text.firstEvent());
                  } else {
                    CopyRows linked = new CopyRows(512);
                    event(linked, row.created(), text.importId(), text.keyId(), text.now());
                    events.write(linked.take());
                  }
                  events.write(text.laterEvents());
                }
                events.end();
              }
              copy(connection, FEEDBACK_COLUMNS, rows, RenderedPast.Text::feedback);
            });
  }

  private static void copy(
      Connection connection,
      String table,
      List<RenderedPast> rows,
      Function<RenderedPast.Text, byte[]> part)
      throws SQLException {
    if (rows.stream().allMatch(row -> part.apply(row.text()).length == 0)) {
      return;
    }
    try (CopyStream copy = CopyStream.into(connection, table)) {
      for (RenderedPast row : rows) {
        copy.write(part.apply(row.text()));
      }
      copy.end();
    }
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
