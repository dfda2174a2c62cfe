package dev.baton.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Members and queues on the wire. */
public final class TeamRecords {

  /** The ids teams choose for members and queues. */
  public static final String ID = "^[a-z0-9][a-z0-9._-]{0,63}$";

  public static final String ID_MESSAGE =
      "must be 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit";

  private TeamRecords() {}

  @Schema(
      name = "MemberInput",
      description = "A member as the team describes them; replaces every field (absent: cleared)")
  public record MemberInput(
      @Schema(required = true, examples = "Jane Doe") @NotBlank @Size(max = 200) String name,
      @Schema(examples = "jane@acme.com", description = "Becomes the owner when they accept")
          @Email
          @Size(max = 320)
          String email,
      @Schema(required = true, examples = "Europe/Paris", description = "An IANA time zone")
          @NotNull
          @Size(max = 64)
          String timeZone,
      @Schema(description = "When they work; none: any time") @Size(max = 50)
          List<@NotNull @Valid WorkingHours> workingHours,
      @Schema(description = "Out of office until then: no lead is assigned to them before")
          Instant awayUntil,
      @Schema(description = "Leads waiting for their answer, at most; absent: no limit")
          @Min(1)
          @Max(100_000)
          Integer maxOpen,
      @Schema(description = "Leads assigned per day of their time zone, at most; absent: no limit")
          @Min(1)
          @Max(100_000)
          Integer maxPerDay,
      @Schema(
              description = "False: never assigned again (past assignments stay)",
              defaultValue = "true")
          Boolean active) {}

  @Schema(name = "Member")
  public record MemberView(
      @Schema(required = true) String id,
      @Schema(required = true) String name,
      String email,
      @Schema(required = true) String timeZone,
      @Schema(required = true) List<WorkingHours> workingHours,
      Instant awayUntil,
      Integer maxOpen,
      Integer maxPerDay,
      @Schema(required = true) boolean active,
      @Schema(required = true, description = "Leads assigned to them and waiting for an answer")
          long waiting,
      @Schema(required = true, description = "The queues they are in") List<String> queues,
      @Schema(required = true) Instant createdAt,
      @Schema(required = true) Instant updatedAt) {}

  @Schema(name = "MemberList")
  public record MemberList(@Schema(required = true) List<MemberView> data) {}

  @Schema(name = "QueueInput", description = "A queue and its members; replaces the member list")
  public record QueueInput(
      @Schema(required = true, examples = "EMEA") @NotBlank @Size(max = 200) String name,
      @Schema(required = true) @NotNull @Size(max = 500) List<@NotNull @Valid Seat> members) {}

  @Schema(name = "QueueSeat", description = "A member in a queue, with their weight (1 to 1000)")
  public record Seat(
      @Schema(required = true, examples = "jane")
          @NotNull
          @Pattern(regexp = ID, message = ID_MESSAGE)
          String memberId,
      @Schema(required = true, examples = "2") @NotNull @Min(1) @Max(1000) Integer weight) {}

  @Schema(name = "Queue")
  public record QueueView(
      @Schema(required = true) String id,
      @Schema(required = true) String name,
      @Schema(required = true) List<Seat> members,
      @Schema(required = true) Instant createdAt,
      @Schema(required = true) Instant updatedAt) {}

  @Schema(name = "QueueList")
  public record QueueList(@Schema(required = true) List<QueueView> data) {}
}
