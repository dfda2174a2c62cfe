package dev.baton.lead;

import dev.baton.json.IsoCurrency;
import dev.baton.lead.LeadRecords.NewLead;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lead's past as an import gives it: the handoff, then its moves and feedback with their times.
 * {@link HistoryReplay} plays it through the same funnel table and lead as live calls.
 */
public final class PastRecords {

  private PastRecords() {}

  /** The part of an import row after the handoff body: when, and what happened next. */
  public record History(
      @NotNull Instant handedOffAt,
      @Size(max = 100) List<@NotNull @Valid PastMove> moves,
      @Size(max = 100) List<@NotNull @Valid PastFeedback> feedback) {

    public List<PastMove> movesOrNone() {
      return moves == null ? List.of() : moves;
    }

    public List<PastFeedback> feedbackOrNone() {
      return feedback == null ? List.of() : feedback;
    }
  }

  /** One past move: the inputs of its live endpoint, and when it was made. */
  public record PastMove(
      @NotNull
          @Pattern(
              regexp = "qualify|accept|reject|convert|recycle",
              message = "must be one of qualify, accept, reject, convert, recycle")
          String action,
      @NotNull Instant at,
      @Min(0) @Max(100) Integer score,
      @Size(max = 2000) String note,
      @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") @Size(max = 200)
          String owner,
      @Size(max = 50) String reason,
      @DecimalMin(value = "0", message = "must be zero or more")
          @Digits(
              integer = 15,
              fraction = 4,
              message = "must have at most 15 digits and 4 decimals")
          BigDecimal amount,
      @IsoCurrency String currency,
      @Size(max = 200) String opportunityRef) {

    Action toAction() {
      return Action.valueOf(action.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Past field feedback: a rating and/or a remark, when it was given. */
  public record PastFeedback(
      @NotNull Instant at,
      @Min(1) @Max(5) Integer rating,
      @Pattern(
              regexp = "OBJECTION|COMPLAINT|OBSERVATION|NOTE",
              message = "must be one of OBJECTION, COMPLAINT, OBSERVATION, NOTE")
          String kind,
      @Size(max = 2000) String text) {}

  /** A row of an import, bound and validated: the handoff and its history. */
  public record Past(NewLead lead, History history) {}

  /** An event an import writes, as the live change would have recorded it. */
  public record PastEvent(
      UUID eventId,
      UUID leadId,
      String type,
      long leadVersion,
      Instant at,
      String from,
      String to,
      Map<String, Object> data) {}

  /** A feedback row an import writes. */
  public record PastFeedbackRow(
      UUID id, UUID leadId, Integer rating, String kind, String text, Instant at) {}

  /** A cycle's funnel facts with the counters the live path keeps by separate updates. */
  public record PastCycle(
      LeadCycles.Facts facts, Instant recycledAt, int ratingSum, int ratingCount, int breaches) {}
}
