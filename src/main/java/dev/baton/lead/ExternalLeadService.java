package dev.baton.lead;

import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Leads addressed by their id in another system, for integrations that sync rather than hand off.
 */
@ApplicationScoped
public class ExternalLeadService {

  private final LeadRepository leads;
  private final LeadService service;

  public ExternalLeadService(LeadRepository leads, LeadService service) {
    this.leads = leads;
    this.service = service;
  }

  /** What an upsert did. */
  public record Upserted(LeadView lead, boolean created) {}

  /**
   * Creates the lead known by {@code ref}, or updates its contact, company, attribution, segment,
   * consent and attributes. Never moves its status: status, score and qualification note are taken
   * only when the lead is created. Simultaneous upserts of one id queue on a lock, so exactly one
   * creates.
   */
  @Transactional
  public Upserted upsert(ExternalRef ref, NewLead request, Caller caller) {
    leads.lockIdentities(List.of(LeadRepository.refKey(ref)));
    Lead lead =
        leads
            .findByExternalRef(ref)
            .flatMap(found -> leads.lock(found.getId()))
            // Read before its lock: read again, a change (an erasure) may have committed meanwhile.
            .map(
                found -> {
                  leads.getEntityManager().refresh(found);
                  return found;
                })
            // An erased lead has no external ids left: the id names nobody, as for a new person.
            .filter(found -> !found.isErased())
            .orElse(null);
    if (lead == null) {
      return new Upserted(service.handOff(withRef(request, ref), caller), true);
    }
    service.update(lead, request.changes(), caller);
    return new Upserted(LeadViews.of(lead), false);
  }

  private static NewLead withRef(NewLead request, ExternalRef ref) {
    List<ExternalRef> refs =
        new ArrayList<>(request.externalRefs() == null ? List.of() : request.externalRefs());
    refs.removeIf(other -> other.system().equals(ref.system()));
    refs.add(ref);
    return request.withExternalRefs(refs);
  }
}
