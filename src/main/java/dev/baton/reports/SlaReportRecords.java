package dev.baton.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /api/v1/sla on the wire. */
public final class SlaReportRecords {

  private SlaReportRecords() {}

  @Schema(name = "SlaReport", description = "Both sides of the contract over one period")
  public record SlaReport(
      @Schema(required = true) Instant from,
      @Schema(required = true) Instant to,
      @Schema(description = "The segment reported on; absent for all leads") String segment,
      @Schema(description = "The source reported on; absent for all leads") String source,
      @Schema(description = "The campaign reported on; absent for all leads") String campaign,
      @Schema(required = true) MarketingSide marketing,
      @Schema(required = true) SalesSide sales) {}

  @Schema(
      name = "SlaMarketingSide",
      description = "Did marketing deliver the volume and the quality it committed to?")
  public record MarketingSide(
      @Schema(required = true, description = "Cycles first qualified in the period")
          long qualifiedDelivered,
      @Schema(
              description =
                  "The monthly commitment prorated to the period (months of 365.25/12 days),"
                      + " rounded up to a whole lead; absent without a commitment")
          Long qualifiedCommitment,
      @Schema(
              description =
                  "qualifiedDelivered ≥ qualifiedCommitment, which is delivering at least the exact prorated"
                      + " figure; absent without one")
          Boolean volumeMet,
      @Schema(required = true, description = "Of those, how many sales answered") long answered,
      @Schema(required = true, description = "Of those, how many sales accepted") long accepted,
      @Schema(
              description =
                  "accepted ÷ answered, 0 to 1, rounded half up to 4 decimals (2 of 3 is 0.6667); absent when nothing"
                      + " was answered")
          BigDecimal acceptanceRate,
      @Schema(description = "The committed minimum acceptance rate; absent without one")
          BigDecimal acceptanceRateTarget,
      @Schema(
              description =
                  "accepted ≥ acceptanceRateTarget × answered: decided on the exact rate, not the"
                      + " rounded one (2 of 3 misses a target of 0.6667); absent when undefined")
          Boolean acceptanceRateMet,
      @Schema(
              required = true,
              description = "Rejections whose reason makes marketing accountable (NOT_ICP, SPAM…)")
          long rejectionsAccountableToMarketing,
      @Schema(required = true, description = "Those rejections per reason code")
          Map<String, Long> marketingRejectionsByReason) {}

  @Schema(name = "SlaSalesSide", description = "Did sales answer qualified leads in time?")
  public record SalesSide(
      @Schema(
              required = true,
              description = "Clocks of the period that are over: answered, or past their deadline")
          long due,
      @Schema(required = true, description = "Answered (accepted or rejected) by the deadline")
          long answeredWithinSla,
      @Schema(
              description =
                  "answeredWithinSla ÷ due, 0 to 1, rounded half up to 4 decimals; absent when nothing is due")
          BigDecimal shareWithinSla,
      @Schema(
              description =
                  "Median hours from entering QUALIFIED to sales's answer (interpolated between the"
                      + " two middle answers for an even count), rounded half up to the hundredth")
          BigDecimal medianHoursToDecision,
      @Schema(
              description =
                  "90th percentile of the hours to sales's answer (interpolated linearly), rounded half up to the hundredth")
          BigDecimal p90HoursToDecision,
      @Schema(required = true, description = "Clocks of the period that were breached")
          long breaches,
      @Schema(required = true, description = "Leads QUALIFIED right now, waiting for sales")
          long waitingNow,
      @Schema(required = true, description = "Of those, how many are past their deadline")
          long overdueNow) {}
}
