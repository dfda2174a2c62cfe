package dev.baton.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /api/v1/funnel on the wire. */
public final class FunnelRecords {

  private FunnelRecords() {}

  @Schema(
      name = "FunnelGroupBy",
      description =
          "The attribution or assignment field to group cycles by, or the week or month of their"
              + " handoff")
  public enum GroupBy {
    source,
    campaign,
    segment,
    owner,
    content,
    assignee,
    queue,
    week,
    month;

    /** A time series: every week or month of the period, in order, empty ones included. */
    public boolean isTime() {
      return this == week || this == month;
    }
  }

  @Schema(name = "FunnelReport")
  public record FunnelReport(
      @Schema(required = true) Instant from,
      @Schema(required = true) Instant to,
      @Schema(description = "Absent for totals only") GroupBy groupBy,
      @Schema(description = "Only this segment; absent for all") String segment,
      @Schema(description = "Only this source; absent for all") String source,
      @Schema(description = "Only this campaign; absent for all") String campaign,
      @Schema(required = true, description = "All cycles of the period") FunnelFigures totals,
      @Schema(
              required = true,
              description =
                  "One entry per value of groupBy, most cycles first; for week and month, one"
                      + " per week (from Monday 00:00 UTC) or calendar month (UTC) of the period"
                      + " in time order, empty ones included, the key its first day"
                      + " (2026-07-06), the first and the last cut by the period; empty without"
                      + " groupBy")
          List<FunnelFigures> groups) {}

  @Schema(name = "FunnelFigures", description = "The funnel of a set of cycles")
  public record FunnelFigures(
      @Schema(
              description =
                  "The group's value (the first day of a week or month); absent in totals and"
                      + " for cycles without a value")
          String key,
      @Schema(required = true, description = "Cycles handed off in the period") long handedOff,
      @Schema(required = true) Reached reached,
      @Schema(required = true) Rates rates,
      @Schema(required = true) Rejections rejections,
      @Schema(
              description =
                  "Median hours from entering QUALIFIED to ACCEPTED (interpolated between the two middle"
                      + " cycles for an even count), rounded half up to the hundredth")
          BigDecimal medianHoursToAccept,
      @Schema(
              description =
                  "Median hours from ACCEPTED to CONVERTED (interpolated as above), rounded half up to the hundredth")
          BigDecimal medianHoursToConvert,
      @Schema(required = true) Quality quality,
      @Schema(required = true) Disputes disputes,
      @Schema(required = true, description = "Cycles that ended in a recycle") long recycles,
      @Schema(
              required = true,
              description = "Converted amounts per ISO 4217 currency, exact",
              examples = "{\"EUR\": 125000.00}")
          Map<String, BigDecimal> convertedAmounts) {}

  @Schema(
      name = "FunnelReached",
      description =
          "Cycles that reached each status, whatever happened next: a cycle rejected after"
              + " acceptance counts under both; an acceptance stays counted when the rejection"
              + " that followed it is overturned after a dispute (the lead is QUALIFIED again)."
              + " The overturned rejection itself is not counted under rejected.")
  public record Reached(
      @Schema(required = true) long generated,
      @Schema(required = true) long qualified,
      @Schema(required = true) long accepted,
      @Schema(required = true) long converted,
      @Schema(required = true) long rejected) {}

  @Schema(
      name = "FunnelRates",
      description =
          "Conversion rates, 0 to 1, rounded half up to 4 decimals (2 of 3 is 0.6667); absent"
              + " when undefined")
  public record Rates(
      BigDecimal qualifiedToAccepted,
      BigDecimal acceptedToConverted,
      BigDecimal qualifiedToConverted) {}

  @Schema(name = "FunnelRejections")
  public record Rejections(
      @Schema(required = true, description = "Rejections per reason code")
          Map<String, Long> byReason,
      @Schema(required = true, description = "Rejections per accountable party")
          Accountability byAccountable,
      @Schema(required = true, description = "Rejections per status the lead was rejected from")
          RejectedFrom byStage) {}

  @Schema(
      name = "FunnelRejectedFrom",
      description =
          "Where the standing rejections left the funnel: before qualification (GENERATED), by"
              + " sales without accepting (QUALIFIED), or after acceptance (ACCEPTED); they add up"
              + " to reached.rejected")
  public record RejectedFrom(
      @Schema(required = true) long generated,
      @Schema(required = true) long qualified,
      @Schema(required = true) long accepted) {}

  @Schema(name = "FunnelAccountability")
  public record Accountability(
      @Schema(required = true) long marketing,
      @Schema(required = true) long sales,
      @Schema(required = true) long none) {}

  @Schema(name = "FunnelQuality", description = "Sales's quality ratings (1–5) of these cycles")
  public record Quality(
      @Schema(description = "Mean rating, rounded half up to the hundredth; absent without ratings")
          BigDecimal meanRating,
      @Schema(required = true) long ratings) {}

  @Schema(name = "FunnelDisputes")
  public record Disputes(
      @Schema(required = true) long opened, @Schema(required = true) long overturned) {}
}
