package dev.baton.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.event.EventLog;
import dev.baton.idempotency.StoredAnswerRedaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What an erased person left outside their lead's row, erased with it: the texts of sales's
 * feedback, the personal fields of the lead's events, and the stored responses of idempotent
 * requests that showed the lead.
 */
@ApplicationScoped
public class PersonalDataTraces {

  private final EntityManager em;
  private final EventLog events;
  private final StoredAnswerRedaction storedAnswers;
  private final ObjectMapper mapper;

  public PersonalDataTraces(
      EntityManager em, EventLog events, StoredAnswerRedaction storedAnswers, ObjectMapper mapper) {
    this.em = em;
    this.events = events;
    this.storedAnswers = storedAnswers;
    this.mapper = mapper;
  }

  /** Call once the lead itself was erased: stored responses become what it shows now. */
  @Transactional(Transactional.TxType.MANDATORY)
  void erase(Lead lead) {
    em.flush();
    em.createNativeQuery("UPDATE lead_feedback SET text = NULL WHERE lead_id = ?1")
        .setParameter(1, lead.getId())
        .executeUpdate();
    events.erase(lead.getId());
    storedAnswers.erase(
        lead.getId(), mapper.valueToTree(LeadViews.of(lead)), EventLog.PERSONAL_FIELDS);
  }
}
