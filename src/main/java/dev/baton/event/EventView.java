package dev.baton.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Event", description = "Something that happened to a lead")
public record EventView(
    @Schema(required = true) UUID id,
    @Schema(
            required = true,
            description =
                "What happened: lead.created, lead.updated, lead.qualified, lead.accepted,"
                    + " lead.rejected, lead.converted, lead.recycled, lead.feedback_added,"
                    + " lead.disputed, lead.dispute_resolved, lead.sla_breached, lead.assigned,"
                    + " lead.reassigned. New types may be"
                    + " added; clients should ignore types they do not know.",
            examples = "lead.accepted")
        String type,
    @Schema(required = true) UUID leadId,
    @Schema(required = true, description = "The lead's version after this event") long leadVersion,
    @Schema(required = true) Instant occurredAt,
    @Schema(required = true) Actor actor,
    @Schema(description = "Status before a move", ref = "LeadStatus") String fromStatus,
    @Schema(description = "Status after a move", ref = "LeadStatus") String toStatus,
    @Schema(required = true, description = "The inputs of the change: reason, owner, amount…")
        Map<String, Object> data) {

  @Schema(
      name = "Actor",
      description =
          "The API key that made the change; for what Baton records by itself (an SLA breach"
              + " noticed by its clock), the name `baton` and no role; for a past move brought in"
              + " by an import, the name `import`, no role and the job's `importId`")
  public record Actor(
      @Schema(required = true) String name,
      @Schema(ref = "Role", description = "The key's role; absent for Baton itself") String role,
      @Schema(description = "The import job that brought this event in, for an imported past")
          UUID importId) {}

  public static EventView from(LeadEvent e) {
    return of(
        e.getEventId(),
        e.getType(),
        e.getLeadId(),
        e.getLeadVersion(),
        e.getOccurredAt(),
        e.getActorName(),
        e.getActorRole(),
        e.getImportId(),
        e.getFromStatus(),
        e.getToStatus(),
        e.getData());
  }

  /**
   * An event as lead_event stores it, read without the entity (the export streams rows); the role
   * Baton records for itself is shown as no role.
   */
  public static EventView of(
      UUID id,
      String type,
      UUID leadId,
      long leadVersion,
      Instant occurredAt,
      String actorName,
      String actorRole,
      UUID importId,
      String fromStatus,
      String toStatus,
      Map<String, Object> data) {
    return new EventView(
        id,
        type,
        leadId,
        leadVersion,
        occurredAt,
        new Actor(actorName, EventLog.SYSTEM.equals(actorRole) ? null : actorRole, importId),
        fromStatus,
        toStatus,
        data);
  }
}
