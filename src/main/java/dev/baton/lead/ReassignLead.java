package dev.baton.lead;

import dev.baton.routing.TeamRecords;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReassignLead",
    description = "To a named member, or to the next in a queue's rotation: one of the two")
public record ReassignLead(
    @Schema(examples = "jane", description = "The member to give it to")
        @Pattern(regexp = TeamRecords.ID, message = TeamRecords.ID_MESSAGE)
        String memberId,
    @Schema(
            examples = "emea",
            description = "The queue whose rotation picks, skipping the assignee")
        @Pattern(regexp = TeamRecords.ID, message = TeamRecords.ID_MESSAGE)
        String queue,
    @Schema(required = true, examples = "Jane is on sick leave") @NotBlank @Size(max = 2000)
        String reason) {}
