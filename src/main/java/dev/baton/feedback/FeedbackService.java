package dev.baton.feedback;

import dev.baton.db.BatonClock;
import dev.baton.db.Pipeline;
import dev.baton.event.EventLog;
import dev.baton.event.EventType;
import dev.baton.feedback.FeedbackRecords.FeedbackView;
import dev.baton.feedback.FeedbackRecords.NewFeedback;
import dev.baton.lead.Lead;
import dev.baton.lead.LeadCycles;
import dev.baton.lead.LeadRepository;
import dev.baton.lead.PersonalDataService;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Field feedback: each is also an event of the lead's history and of the feed. */
@ApplicationScoped
public class FeedbackService {

  private final FeedbackRepository feedback;
  private final LeadRepository leads;
  private final LeadCycles cycles;
  private final BatonClock clock;
  private final EventLog events;
  private final Pipeline pipeline;

  public FeedbackService(
      FeedbackRepository feedback,
      LeadRepository leads,
      LeadCycles cycles,
      EventLog events,
      BatonClock clock,
      Pipeline pipeline) {
    this.feedback = feedback;
    this.leads = leads;
    this.cycles = cycles;
    this.events = events;
    this.clock = clock;
    this.pipeline = pipeline;
  }

  @Transactional
  public FeedbackView give(UUID leadId, NewFeedback in, Caller author) {
    if (in.rating() == null && in.kind() == null) {
      throw ProblemException.invalid(
          List.of(
              new FieldError("rating", "give a rating, a kind with its text, or both"),
              new FieldError("kind", "give a rating, a kind with its text, or both")));
    }
    if (in.kind() != null && (in.text() == null || in.text().isBlank())) {
      throw ProblemException.invalid("text", "is required with a kind");
    }
    // Under the lead's lock, so that the history keeps one order with the lead's moves.
    Lead lead = leads.lock(leadId).orElseThrow(() -> ProblemException.notFound("lead", leadId));
    if (lead.isErased()) {
      throw PersonalDataService.erased(leadId, "feedback on it is closed");
    }
    Instant now = clock.now();
    Feedback given = new Feedback(leadId, in.rating(), in.kind(), in.text(), author, now);
    feedback.persist(given);
    if (in.rating() != null) {
      // The rating counts towards the lead's current cycle in the funnel metrics.
      cycles.rated(leadId, lead.getRecycleCount(), in.rating());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("feedbackId", given.getId());
    EventLog.putIfPresent(data, "rating", in.rating());
    EventLog.putIfPresent(data, "kind", in.kind() == null ? null : in.kind().name());
    EventLog.putIfPresent(data, "text", in.text());
    events.record(
        leadId, EventType.LEAD_FEEDBACK_ADDED, lead.getVersion(), now, author, null, null, data);
    pipeline.send(); // the feedback, then its rating and its event, in one exchange
    return FeedbackView.from(given);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<FeedbackView> of(UUID leadId) {
    if (leads.findByIdOptional(leadId).isEmpty()) {
      throw ProblemException.notFound("lead", leadId);
    }
    return feedback.ofLead(leadId).stream().map(FeedbackView::from).toList();
  }
}
