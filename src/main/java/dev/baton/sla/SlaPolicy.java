package dev.baton.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "SlaPolicy",
    description =
        "The contract between marketing and sales: how fast sales answers a qualified lead, and"
            + " what marketing delivers. Segment entries override the defaults for leads of that"
            + " segment. A new policy applies to leads qualified from then on; running clocks"
            + " keep their deadline.")
public record SlaPolicy(
    @Schema(
            required = true,
            description =
                "Calendar hours within which sales accepts or rejects a qualified lead, 1 to 8760",
            examples = "24")
        @NotNull
        @Min(1)
        @Max(8760)
        Integer acceptanceHours,
    @Schema(description = "Marketing's commitment: qualified leads per month (all segments)")
        @Min(0)
        @Max(100_000_000)
        Integer qualifiedLeadsPerMonth,
    @Schema(
            description =
                "Marketing's commitment: the least share of answered qualified leads that sales"
                    + " accepts, 0 to 1",
            examples = "0.6")
        @DecimalMin("0")
        @DecimalMax("1")
        @Digits(integer = 1, fraction = 4)
        BigDecimal minAcceptanceRate,
    @Schema(description = "Per-segment targets, at most one entry per segment") @Size(max = 500)
        List<@NotNull @Valid SegmentTargets> segments,
    @Schema(
            description =
                "Share of the time allowed after which `lead.sla_warning` is sent, 0.05 to 0.95;"
                    + " absent: no warning",
            examples = "0.75")
        @DecimalMin("0.05")
        @DecimalMax("0.95")
        @Digits(integer = 1, fraction = 4)
        BigDecimal warnAtShare,
    @Schema(
            description =
                "True: an assigned lead's clock counts only its assignee's working hours, in their"
                    + " time zone (an unassigned lead's counts every hour)",
            defaultValue = "false")
        Boolean workingHoursOnly,
    @Schema(
            description =
                "What a breach does beyond being recorded against the assignee: nothing (the"
                    + " default), the next member of their queue, or the `escalationQueue`")
        BreachAction onBreach,
    @Schema(description = "The queue that takes breached leads, with ESCALATION_QUEUE")
        @Size(max = 64)
        String escalationQueue,
    @Schema(readOnly = true, description = "When the policy was last replaced")
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        Instant updatedAt,
    @Schema(readOnly = true, description = "The API key that last replaced it")
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        String updatedBy) {

  @Schema(
      name = "SegmentTargets",
      description =
          "Targets for one segment. acceptanceHours and minAcceptanceRate default to the policy's;"
              + " qualifiedLeadsPerMonth, when absent, means no volume commitment for the segment")
  public record SegmentTargets(
      @Schema(required = true, examples = "enterprise") @NotBlank @Size(max = 100) String segment,
      @Min(1) @Max(8760) Integer acceptanceHours,
      @Min(0) @Max(100_000_000) Integer qualifiedLeadsPerMonth,
      @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
          BigDecimal minAcceptanceRate) {}

  /** The policy as given, stamped with who replaced it and when. */
  SlaPolicy stamped(Instant at, String by) {
    return new SlaPolicy(
        acceptanceHours,
        qualifiedLeadsPerMonth,
        minAcceptanceRate,
        segments == null ? List.of() : segments,
        warnAtShare,
        workingHoursOnly != null && workingHoursOnly,
        onBreach == null ? BreachAction.NOTHING : onBreach,
        escalationQueue,
        at,
        by);
  }

  Optional<SegmentTargets> of(String segment) {
    return segment == null || segments == null
        ? Optional.empty()
        : segments.stream().filter(s -> s.segment().equals(segment)).findFirst();
  }

  /** How long sales has to answer a qualified lead of this segment. */
  public Duration acceptanceTime(String segment) {
    return Duration.ofHours(
        of(segment).map(SegmentTargets::acceptanceHours).orElse(acceptanceHours));
  }

  /** The terms of the acceptance clock of a lead of this segment that enters QUALIFIED now. */
  public SlaTerms terms(String segment) {
    return new SlaTerms(
        acceptanceTime(segment), warnAtShare, workingHoursOnly != null && workingHoursOnly);
  }

  /** The volume commitment for one segment, or for all when {@code segment} is null. */
  public Integer volumeTarget(String segment) {
    return segment == null
        ? qualifiedLeadsPerMonth
        : of(segment).map(SegmentTargets::qualifiedLeadsPerMonth).orElse(null);
  }

  /** The acceptance-rate commitment for one segment (the default's when it sets none). */
  public BigDecimal acceptanceRateTarget(String segment) {
    return of(segment).map(SegmentTargets::minAcceptanceRate).orElse(minAcceptanceRate);
  }
}
