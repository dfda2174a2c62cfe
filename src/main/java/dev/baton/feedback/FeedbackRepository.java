package dev.baton.feedback;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

  /** A lead's feedback, oldest first; served by lead_feedback_lead. */
  public List<Feedback> ofLead(UUID leadId) {
    return list("leadId = ?1 order by createdAt, id", leadId);
  }
}
