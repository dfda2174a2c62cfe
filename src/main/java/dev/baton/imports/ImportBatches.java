package dev.baton.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.db.CopyRows;
import dev.baton.imports.ImportRecords.Outcome;
import dev.baton.lead.ExternalRef;
import dev.baton.lead.HistoryReplay;
import dev.baton.lead.ImportLookups;
import dev.baton.lead.ImportLookups.Existing;
import dev.baton.lead.ImportedLeads;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.lead.LeadService;
import dev.baton.lead.RenderedPast;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.reason.RejectionReason;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.sla.SlaPolicy;
import dev.baton.sla.SlaPolicyService;
import dev.baton.sla.SlaTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * One batch of an import's rows, written in the caller's transaction: each row, played ahead
 * ({@link RowPlayer}), is checked for duplicates against the leads there and the batch's own, then
 * the new leads are written together ({@link ImportedLeads}) with every row's result.
 */
@ApplicationScoped
class ImportBatches {

  /**
   * A row as read: its number, its past played and rendered, or the problem that refused it; and
   * its lead's details, which a job updating duplicates writes over the lead there.
   */
  record Row(long number, NewLead details, RenderedPast played, ProblemException problem) {
    static Row refused(long number, ProblemException problem) {
      return new Row(number, null, null, problem);
    }
  }

  /** What the batch did with its rows. */
  record Counts(long created, long updated, long skipped, long refused) {}

  private final EntityManager em;
  private final ImportedLeads imported;
  private final ImportLookups lookups;
  private final LeadService leads;
  private final SlaPolicyService policies;
  private final ObjectMapper mapper;

  ImportBatches(
      EntityManager em,
      ImportedLeads imported,
      ImportLookups lookups,
      LeadService leads,
      SlaPolicyService policies,
      ObjectMapper mapper) {
    this.em = em;
    this.imported = imported;
    this.lookups = lookups;
    this.leads = leads;
    this.policies = policies;
    this.mapper = mapper;
  }

  /** Writes {@code rows}, each played and rendered ahead ({@link RowPlayer}). */
  @Transactional(Transactional.TxType.MANDATORY)
  Counts write(UUID jobId, UUID keyId, ImportJob.Duplicates policy, List<Row> rows) {
    Set<String> emails = new LinkedHashSet<>();
    Set<ExternalRef> refs = new LinkedHashSet<>();
    Map<Long, Object> outcome = new HashMap<>();
    for (Row row : rows) {
      if (row.problem() != null) {
        outcome.put(row.number(), row.problem());
        continue;
      }
      RenderedPast one = row.played();
      outcome.put(row.number(), one);
      emails.add(one.emailNormalized());
      refs.addAll(one.externalRefs());
    }
    Existing existing = lookups.lockAndFind(emails, refs);
    Seen duplicates = new Seen(existing);
    List<RenderedPast> created = new ArrayList<>();
    List<Row> updates = new ArrayList<>();
    CopyRows results = new CopyRows();
    long[] counts = new long[4];
    for (Row row : rows) {
      Object result = outcome.get(row.number());
      if (result instanceof ProblemException problem) {
        refuse(results, counts, jobId, row.number(), problem);
        continue;
      }
      RenderedPast one = (RenderedPast) result;
      UUID duplicate = duplicates.of(one);
      if (duplicate == null) {
        duplicates.add(one);
        created.add(one);
        counts[0]++;
        result(results, jobId, row.number(), Outcome.CREATED, one.leadId(), null);
      } else if (policy == ImportJob.Duplicates.SKIP) {
        counts[2]++;
        result(results, jobId, row.number(), Outcome.SKIPPED, duplicate, null);
      } else if (policy == ImportJob.Duplicates.UPDATE) {
        updates.add(row);
        outcome.put(row.number(), duplicate);
      } else {
        refuse(results, counts, jobId, row.number(), duplicates.problem(one, duplicate));
      }
    }
    imported.write(created);
    Caller caller = new Caller(keyId, ImportedLeads.ACTOR, Role.ADMIN, null);
    for (Row row : updates) {
      UUID id = (UUID) outcome.get(row.number());
      try {
        leads.replaceDetails(id, row.details().changes(), caller);
        counts[1]++;
        result(results, jobId, row.number(), Outcome.UPDATED, id, null);
      } catch (ProblemException e) {
        refuse(results, counts, jobId, row.number(), e);
      }
    }
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            connection ->
                results.copyInto(
                    connection, "import_row (job_id, row_number, outcome, lead_id, problem)"));
    em.clear();
    return new Counts(counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * The catalog's usable reasons and the SLA policy as they are now: a job plays its rows by the
   * rules in force when a replica takes it (or takes it over).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  HistoryReplay.Rules rules() {
    SlaPolicy policy = policies.policy();
    Map<String, RejectionReason> usable = new HashMap<>();
    for (RejectionReason reason :
        em.createQuery("FROM RejectionReason", RejectionReason.class).getResultList()) {
      if (reason.isActive()) {
        usable.put(reason.getCode(), reason);
      }
    }
    return new HistoryReplay.Rules() {
      @Override
      public RejectionReason usableReason(String code) {
        return usable.get(code);
      }

      @Override
      public SlaTerms terms(String segment) {
        return policy.terms(segment);
      }
    };
  }

  private void refuse(
      CopyRows results, long[] counts, UUID jobId, long number, ProblemException problem) {
    counts[3]++;
    String json;
    try {
      json = mapper.writeValueAsString(problem.toProblem(null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    result(results, jobId, number, Outcome.REFUSED, null, json);
  }

  private static void result(
      CopyRows results, UUID jobId, long number, Outcome outcome, UUID leadId, String problem) {
    results.add(jobId).add(number).add(outcome.name()).add(leadId).last(problem);
  }

  /** Duplicates of a row: among the leads there, then among the batch's rows before it. */
  private static final class Seen {
    private final Existing existing;
    private final Map<String, UUID> open = new HashMap<>();
    private final Map<ExternalRef, UUID> refs = new HashMap<>();
    private final Map<String, RenderedPast> closed = new HashMap<>();

    Seen(Existing existing) {
      this.existing = existing;
    }

    /** The lead this row duplicates: one holding its external id, or its person's open lead. */
    UUID of(RenderedPast row) {
      for (ExternalRef ref : row.externalRefs()) {
        UUID other = refs.getOrDefault(ref, existing.refs().get(ref));
        if (other != null) {
          return other;
        }
      }
      return row.open() ? openLead(row.emailNormalized()) : null;
    }

    private UUID openLead(String email) {
      return open.getOrDefault(email, existing.open().get(email));
    }

    /** A new lead: it links to the person's last closed lead, and holds its ids from now. */
    void add(RenderedPast row) {
      String email = row.emailNormalized();
      RenderedPast lastHere = closed.get(email);
      UUID previous = lastHere != null ? lastHere.leadId() : existing.lastClosed().get(email);
      if (previous != null) {
        row.link(previous);
      }
      row.externalRefs().forEach(ref -> refs.put(ref, row.leadId()));
      if (row.open()) {
        open.put(email, row.leadId());
      } else if (lastHere == null || !row.createdAt().isBefore(lastHere.createdAt())) {
        closed.put(email, row);
      }
    }

    ProblemException problem(RenderedPast row, UUID duplicate) {
      for (ExternalRef ref : row.externalRefs()) {
        if (duplicate.equals(refs.getOrDefault(ref, existing.refs().get(ref)))) {
          return new ProblemException(
                  ProblemType.EXTERNAL_REF_EXISTS,
                  "Another lead already has id '" + ref.id() + "' in system '" + ref.system() + "'")
              .with("existingLeadId", duplicate);
        }
      }
      return new ProblemException(
              ProblemType.DUPLICATE_LEAD, "This person already has an open lead")
          .with("existingLeadId", duplicate);
    }
  }
}
