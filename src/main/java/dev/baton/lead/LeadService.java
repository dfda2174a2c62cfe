package dev.baton.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.db.BatonClock;
import dev.baton.event.EventLog;
import dev.baton.event.EventView;
import dev.baton.lead.LeadRecords.LeadChanges;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.paging.Cursor;
import dev.baton.paging.Page;
import dev.baton.problem.ProblemException;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Handoff, reading and editing of leads. Moves through the funnel are {@link FunnelService}'s. */
@ApplicationScoped
public class LeadService {

  private final LeadRepository leads;
  private final LeadConflicts conflicts;
  private final LeadChangeLog changes;
  private final LeadEdits edits;
  private final BatonClock clock;

  public LeadService(
      LeadRepository leads,
      LeadConflicts conflicts,
      LeadChangeLog changes,
      LeadEdits edits,
      BatonClock clock) {
    this.leads = leads;
    this.conflicts = conflicts;
    this.changes = changes;
    this.edits = edits;
    this.clock = clock;
  }

  /**
   * A new lead; 409 when the person already has an open lead or an external id is taken. A person
   * whose last lead was converted or rejected comes back as a new lead linked to it.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public LeadView handOff(NewLead request, Caller caller) {
    requireOneIdPerSystem(request.externalRefs());
    Instant now = clock.now();
    Lead lead = new Lead(request, now);
    if (lead.getStatus() == LeadStatus.QUALIFIED) {
      lead.startSla(now, changes.acceptanceTime(lead));
    }
    LeadRepository.PersonLeads person =
        leads.lockAndFind(identities(lead), lead.getEmailNormalized());
    conflicts.checkNew(lead, person.open());
    if (person.lastClosed() != null) {
      lead.linkTo(person.lastClosed());
    }
    leads.insert(lead);
    // Routing writes an assignment that refers to the lead, and changes the lead: then the lead is
    // written first, and again as routing left it. Decided once: the policy read again later could
    // be a newer one.
    boolean routed = lead.getStatus() == LeadStatus.QUALIFIED && changes.assignments().routes();
    if (routed) {
      conflicts.flush(lead);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", lead.getStatus().name());
    data.put("source", request.attribution().source());
    EventLog.putIfPresent(data, "campaign", request.attribution().campaign());
    EventLog.putIfPresent(data, "segment", request.segment());
    EventLog.putIfPresent(data, "score", request.score());
    EventLog.putIfPresent(data, "previousLeadId", lead.getPreviousLeadId());
    changes.created(lead, now, caller, data, routed);
    if (routed) {
      leads.write(lead);
    }
    conflicts.flush(lead); // the lead, its cycle, its event and their deliveries, in one exchange
    return LeadViews.of(lead);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public LeadView get(UUID id) {
    return LeadViews.of(find(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<LeadView> list(LeadRepository.Filter filter, Cursor after, int limit) {
    return Cursor.page(
        leads.page(filter, after, limit + 1),
        limit,
        lead -> new Cursor(lead.getCreatedAt(), lead.getId()),
        LeadViews::of);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<EventView> history(UUID id) {
    find(id);
    return changes.history(id);
  }

  /**
   * Applies a JSON merge patch (RFC 7396) to the editable part of a lead. The version named by
   * If-Match must be current; a patch that changes nothing changes neither version nor history.
   */
  @Transactional
  public LeadView patch(UUID id, List<Long> expected, JsonNode patch, Caller caller) {
    LeadEdits.checkPatch(patch);
    Lead lead = leads.lock(id).orElseThrow(() -> ProblemException.notFound("lead", id));
    if (lead.isErased()) {
      throw PersonalDataService.erased(id, "it cannot be edited");
    }
    ETags.check(expected, lead);
    update(lead, edits.patched(lead.editable(), patch), caller);
    return LeadViews.of(lead);
  }

  /**
   * An import's row that duplicates lead {@code id}, under the duplicate policy UPDATE: the row's
   * editable fields replace the lead's, as a PATCH replacing them all would.
   */
  @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
  public LeadView replaceDetails(UUID id, LeadChanges after, Caller caller) {
    Lead lead = leads.lock(id).orElseThrow(() -> ProblemException.notFound("lead", id));
    update(lead, after, caller);
    return LeadViews.of(lead);
  }

  /**
   * Replaces the editable part of a locked lead, recording which fields changed; a change that
   * changes nothing changes neither version nor history.
   */
  void update(Lead lead, LeadChanges after, Caller caller) {
    if (lead.isErased()) {
      throw PersonalDataService.erased(lead.getId(), "it cannot be edited");
    }
    String email = LeadContact.normalize(after.contact().email());
    if (!email.equals(lead.getEmailNormalized())
        && LeadRepository.OPEN.contains(lead.getStatus())) {
      // Renaming onto another open lead's person: check under that person's lock.
      leads.lockIdentities(List.of(LeadRepository.personKey(email)));
      leads
          .findOpen(email)
          .ifPresent(
              open -> {
                throw LeadConflicts.duplicate(open.getId());
              });
    }
    List<String> changed = edits.changed(lead.editable(), after);
    if (!changed.isEmpty()) {
      record(lead, after, changed, caller);
    }
  }

  private void record(Lead lead, LeadChanges after, List<String> changed, Caller caller) {
    Instant now = clock.now();
    lead.apply(after);
    lead.touch(now);
    changes.updated(lead, now, caller, Map.of("changed", changed));
    conflicts.flush(lead);
  }

  private static void requireOneIdPerSystem(List<ExternalRef> refs) {
    if (refs != null && refs.stream().map(ExternalRef::system).distinct().count() < refs.size()) {
      throw ProblemException.invalid("externalRefs", "must hold at most one id per system");
    }
  }

  /** The advisory-lock keys of a lead: its person and its external ids. */
  static List<String> identities(Lead lead) {
    List<String> keys = new ArrayList<>();
    keys.add(LeadRepository.personKey(lead.getEmailNormalized()));
    lead.getExternalRefs().forEach(ref -> keys.add(LeadRepository.refKey(ref)));
    return keys;
  }

  private Lead find(UUID id) {
    return leads.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("lead", id));
  }
}
