package dev.baton.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /api/v1/sla/people on the wire. */
public final class PeopleReportRecords {

  private PeopleReportRecords() {}

  @Schema(
      name = "SlaPeopleReport",
      description = "Sales's side of the SLA per member and per queue, over one period")
  public record PeopleReport(
      @Schema(required = true) Instant from,
      @Schema(required = true) Instant to,
      @Schema(description = "The queue reported on; absent for every assignment") String queue,
      @Schema(required = true, description = "Every member, by id") List<MemberFigures> members,
      @Schema(required = true, description = "Every queue with assignments in the period, by id")
          List<QueueShares> queues) {}

  @Schema(name = "SlaMemberFigures", description = "One member's assignments of the period")
  public record MemberFigures(
      @Schema(required = true) String memberId,
      @Schema(required = true) String name,
      @Schema(required = true, description = "Assignments made to them in the period")
          long assigned,
      @Schema(
              required = true,
              description =
                  "Of those, the ones that are over for them: answered, or past their deadline"
                      + " while still theirs")
          long due,
      @Schema(required = true, description = "Answered (accepted or rejected) by the deadline")
          long answeredWithinSla,
      @Schema(
              description =
                  "answeredWithinSla ÷ due, 0 to 1, rounded half up to 4 decimals; absent when nothing is due")
          BigDecimal shareWithinSla,
      @Schema(
              description =
                  "Median hours from their assignment to their answer (interpolated between the two middle"
                      + " answers for an even count), rounded half up to the hundredth")
          BigDecimal medianHoursToAnswer,
      @Schema(
              description =
                  "90th percentile of the hours from assignment to answer (interpolated linearly), rounded half up to the hundredth")
          BigDecimal p90HoursToAnswer,
      @Schema(required = true, description = "Deadlines that passed unanswered while theirs")
          long breaches,
      @Schema(required = true, description = "Leads assigned to them waiting now, any period")
          long waitingNow,
      @Schema(required = true, description = "Of those, how many are past their deadline")
          long overdueNow,
      @Schema(description = "Their capacity of waiting leads; absent: no limit") Integer maxOpen,
      @Schema(
              description =
                  "waitingNow ÷ maxOpen, rounded half up to 4 decimals; absent without a capacity")
          BigDecimal load) {}

  @Schema(
      name = "SlaQueueShares",
      description = "How a queue's assignments of the period were shared, against the weights")
  public record QueueShares(
      @Schema(required = true) String queueId,
      @Schema(required = true) long assigned,
      @Schema(required = true) List<MemberShare> members) {}

  @Schema(name = "SlaMemberShare")
  public record MemberShare(
      @Schema(required = true) String memberId,
      @Schema(description = "Their weight in the queue now; absent when they left it")
          Integer weight,
      @Schema(description = "weight ÷ the queue's total weight now, rounded half up to 4 decimals")
          BigDecimal weightShare,
      @Schema(required = true, description = "Assignments they got from the queue") long assigned,
      @Schema(
              required = true,
              description = "assigned ÷ the queue's assignments, rounded half up to 4 decimals")
          BigDecimal share) {}
}
