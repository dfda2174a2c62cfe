package dev.baton.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.UUID;

/** The stored answers' part of erasing a person: what a retry replays loses their personal data. */
@ApplicationScoped
public class StoredAnswerRedaction {

  private final StoredResponseRepository responses;
  private final ObjectMapper mapper;

  StoredAnswerRedaction(StoredResponseRepository responses, ObjectMapper mapper) {
    this.responses = responses;
    this.mapper = mapper;
  }

  /**
   * A person was erased: every stored answer that shows one of their leads keeps its status and
   * headers (so that a retry still does not hand the person off again) but shows the lead as it is
   * now, anonymous; other members naming the lead lose their free text. The request's fingerprint
   * (a digest of the personal data sent) goes too, so any retry under the key replays.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erase(UUID leadId, JsonNode skeleton, Collection<String> personalFields) {
    for (StoredResponse stored : responses.mentioning(leadId)) {
      JsonNode body = null;
      if (stored.body() != null) {
        try {
          body =
              redact(mapper.readTree(stored.body()), leadId.toString(), skeleton, personalFields);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("A stored answer is not JSON", e);
        }
      }
      responses.replaceBody(
          stored.id(), StoredResponse.ERASED, body == null ? null : body.toString());
    }
  }

  private static JsonNode redact(
      JsonNode node, String leadId, JsonNode skeleton, Collection<String> personalFields) {
    if (node.isObject()) {
      if (leadId.equals(node.path("id").asText(null)) && node.has("status")) {
        return skeleton;
      }
      ObjectNode object = (ObjectNode) node;
      if (leadId.equals(node.path("leadId").asText(null))) {
        object.remove(personalFields);
      }
      if (leadId.equals(node.path("existingLeadId").asText(null))) {
        // A problem about the lead (a duplicate, an external id taken) quotes what collided.
        object.remove("detail");
      }
      object
          .properties()
          .forEach(
              member ->
                  member.setValue(redact(member.getValue(), leadId, skeleton, personalFields)));
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redact(array.get(i), leadId, skeleton, personalFields));
      }
    }
    return node;
  }
}
