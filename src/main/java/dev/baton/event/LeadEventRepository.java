package dev.baton.event;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadEventRepository implements PanacheRepositoryBase<LeadEvent, Long> {

  /** A lead's history in the order it was written; served by lead_event (lead_id, id). */
  public List<LeadEvent> ofLead(UUID leadId) {
    return list("leadId = ?1 order by id", leadId);
  }
}
