package dev.baton.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The member a qualified lead was assigned to by routing, from which queue, and when. */
@Embeddable
@Schema(
    name = "Assignee",
    description =
        "The sales member routing assigned the lead to when it became qualified (or a manager"
            + " reassigned it to); see GET /api/v1/members/{memberId}")
public record LeadAssignee(
    @Schema(required = true, examples = "jane") @Column(name = "assignee_id") String memberId,
    @Schema(examples = "emea") @Column(name = "assignee_queue") String queue,
    @Schema(required = true) @Column(name = "assigned_at") Instant assignedAt) {}
