package dev.baton.lead;

import dev.baton.lead.PastRecords.PastEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A played past as its batch needs it ({@link ImportedLeads#render}): who the lead is, and its rows
 * as {@code COPY} text — the lead row around its link to the person's last closed lead, and its
 * first event apart, since the link changes it. Small on purpose: a few batches of these wait in
 * memory while the one before them is written.
 */
public final class RenderedPast {

  /** The rows' text, and what the first event is written with when it is written again. */
  record Text(
      byte[] head,
      byte[] tail,
      byte[] refs,
      byte[] cycles,
      byte[] firstEvent,
      byte[] laterEvents,
      byte[] feedback,
      UUID importId,
      UUID keyId,
      Instant now) {}

  private final UUID leadId;
  private final String emailNormalized;
  private final boolean open;
  private final Instant createdAt;
  private final List<ExternalRef> externalRefs;
  private final PastEvent created;
  private final Text text;
  private UUID previousLeadId;

  RenderedPast(Played played, Text text) {
    this.leadId = played.leadId();
    this.emailNormalized = played.emailNormalized();
    this.open = played.open();
    this.createdAt = played.createdAt();
    this.externalRefs = List.copyOf(played.externalRefs());
    this.created = played.events().get(0);
    this.text = text;
  }

  public UUID leadId() {
    return leadId;
  }

  public String emailNormalized() {
    return emailNormalized;
  }

  /** Open at the end of its past: the person's one open lead. */
  public boolean open() {
    return open;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<ExternalRef> externalRefs() {
    return externalRefs;
  }

  /** The person's last closed lead, which this one follows (in its history too). */
  public void link(UUID previous) {
    this.previousLeadId = previous;
    created.data().put("previousLeadId", previous);
  }

  UUID previousLeadId() {
    return previousLeadId;
  }

  PastEvent created() {
    return created;
  }

  Text text() {
    return text;
  }
}
