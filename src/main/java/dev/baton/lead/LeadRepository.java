package dev.baton.lead;

import dev.baton.db.Pipeline;
import dev.baton.db.PlannerStats;
import dev.baton.paging.Cursor;
import dev.baton.reason.RejectionReason;
import dev.baton.sla.SlaState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

  private final Pipeline pipeline;
  private final PlannerStats stats;

  LeadRepository(Pipeline pipeline, PlannerStats stats) {
    this.pipeline = pipeline;
    this.stats = stats;
  }

  /** The criteria of GET /api/v1/leads; null means any. */
  public record Filter(
      LeadStatus status,
      String source,
      String campaign,
      String segment,
      String owner,
      String email,
      SlaState slaState,
      Instant updatedSince) {}

  /**
   * The lead, locked until the transaction ends: concurrent moves on one lead queue here, so each
   * sees the status the previous one left.
   */
  public Optional<Lead> lock(UUID id) {
    return locking(id).firstResultOptional();
  }

  /**
   * {@link #lock}, for a change whose row the caller writes itself with {@link #write}: the lead
   * and its external ids are read in SQL, in one exchange ({@link LeadRowReader}), and Hibernate
   * does not hold it, so it neither compares nor updates it; its update joins the statements queued
   * with it instead of taking an exchange of its own. A change made after {@link #write} is lost
   * unless written again.
   */
  Optional<Lead> lockToWrite(UUID id) {
    SessionImplementor session = getEntityManager().unwrap(SessionImplementor.class);
    EntityPersister persister =
        session.getFactory().getMappingMetamodel().getEntityDescriptor(Lead.class);
    Lead held =
        (Lead)
            session
                .getPersistenceContextInternal()
                .getEntity(session.generateEntityKey(id, persister));
    if (held != null) {
      // A lead this transaction already holds is the one it changes: what the transaction wrote of
      // it is sent, then it is read again under the lock (what others committed meanwhile too),
      // and made read-only so that Hibernate does not write it again after the queued update.
      pipeline.send();
      getEntityManager().refresh(held, LockModeType.PESSIMISTIC_WRITE);
      session.setReadOnly(held, true);
      return Optional.of(held);
    }
    List<List<Object[]>> rows =
        pipeline.sendThenRead(
            Pipeline.Statement.of(LeadRowReader.LOCK, id),
            Pipeline.Statement.of(LeadRowReader.REFS, id));
    if (rows.get(0).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        LeadRowReader.read(
            rows.get(0).get(0),
            rows.get(1),
            code -> session.getReference(RejectionReason.class, code)));
  }

  private PanacheQuery<Lead> locking(UUID id) {
    return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Queues a new lead's row and its external ids ({@link LeadRows#INSERT}), as the lead stands now:
   * the statements queued after them may refer to it. Counted for the planner's statistics ({@link
   * PlannerStats#created}).
   */
  void insert(Lead lead) {
    pipeline.add(LeadRows.INSERT, LeadRows.insert(lead));
    for (ExternalRef ref : lead.getExternalRefs()) {
      pipeline.add(LeadRows.REF_INSERT, lead.getId(), ref.system(), ref.id());
    }
    stats.created();
  }

  /**
   * Queues the row of a lead read by {@link #lockToWrite}, or inserted ({@link #insert}) and
   * changed since, as it stands now ({@link LeadRows#UPDATE}): called once its change is complete,
   * before the queue is sent.
   */
  void write(Lead lead) {
    pipeline.addOneRow(LeadRows.UPDATE, LeadRows.update(lead));
  }

  static final List<LeadStatus> OPEN =
      List.of(LeadStatus.GENERATED, LeadStatus.QUALIFIED, LeadStatus.ACCEPTED);

  // The statuses are literals, not a list parameter: Hibernate caches the SQL of a query only
  // when no parameter is multi-valued, and translating it again on every handoff cost a quarter
  // of the CPU a handoff takes (docs/performance.md).
  private static final String STATUS = "dev.baton.lead.LeadStatus.";

  private static final String EMAIL = "details.contact.emailNormalized";

  /** The person's open lead, if any; served by the unique index lead_open_email. */
  public Optional<Lead> findOpen(String emailNormalized) {
    return find(
            EMAIL
                + " = ?1 and status in ("
                + STATUS
                + "GENERATED, "
                + STATUS
                + "QUALIFIED, "
                + STATUS
                + "ACCEPTED)",
            emailNormalized)
        .firstResultOptional();
  }

  public Optional<Lead> findByExternalRef(ExternalRef ref) {
    return find(
            "select l from Lead l join l.externalRefs r where r.system = ?1 and r.id = ?2",
            ref.system(),
            ref.id())
        .firstResultOptional();
  }

  /**
   * Serializes, across replicas and until the transaction ends, the writers of one person or one
   * external id: the second waits, then sees what the first committed. Keys are taken in sorted
   * order so that two writers of the same keys cannot deadlock.
   */
  public void lockIdentities(Collection<String> keys) {
    for (String key : new TreeSet<>(keys)) {
      getEntityManager()
          .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
          .setParameter(1, key)
          .getSingleResult();
    }
  }

  /** A person's open lead and last closed one, by id; null when there is none. */
  record PersonLeads(UUID open, UUID lastClosed) {}

  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";

  private static final String PERSON_LEADS =
      """
      SELECT (SELECT id FROM lead WHERE email_normalized = ?
                  AND status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED') LIMIT 1),
             (SELECT id FROM lead WHERE email_normalized = ?
                  AND status IN ('CONVERTED', 'REJECTED')
              ORDER BY created_at DESC, id DESC LIMIT 1)
      """;

  /**
   * {@link #lockIdentities} and then the person's leads, in one exchange ({@link Pipeline}):
   * PostgreSQL runs the statements in turn, so the read waits for the locks and sees what their
   * last holder committed.
   */
  PersonLeads lockAndFind(Collection<String> keys, String emailNormalized) {
    for (String key : new TreeSet<>(keys)) {
      pipeline.add(LOCK, key);
    }
    Object[] row = pipeline.sendThenRead(PERSON_LEADS, emailNormalized, emailNormalized).get(0);
    return new PersonLeads((UUID) row[0], (UUID) row[1]);
  }

  static String personKey(String emailNormalized) {
    return "person:" + emailNormalized;
  }

  static String refKey(ExternalRef ref) {
    return "external-ref:" + ref.system() + ":" + ref.id();
  }

  /**
   * One page in (createdAt, id) order; every filter has an index led by its column (V1, V7). The
   * cursor is a row comparison, which PostgreSQL turns into the start of the index scan: a later
   * page costs what the first one does (an OR of the two columns scanned from the beginning).
   */
  public List<Lead> page(Filter filter, Cursor after, int limit) {
    List<Object[]> rows = pipeline.read(LeadPages.statement(filter, after, limit)).get(0);
    Session session = getEntityManager().unwrap(Session.class);
    return LeadPages.read(rows, code -> session.getReference(RejectionReason.class, code));
  }
}
