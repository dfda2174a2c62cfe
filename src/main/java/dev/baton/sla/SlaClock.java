package dev.baton.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A qualified lead's acceptance clock: started when it enters QUALIFIED, stopped by sales's answer
 * (accept or reject). Answered in time it is MET; past its deadline it is BREACHED, whether the
 * breach job or a late answer noticed it first.
 */
@Embeddable
public class SlaClock {

  @Column(name = "sla_started_at")
  private Instant startedAt;

  @Column(name = "sla_deadline")
  private Instant deadline;

  @Enumerated(EnumType.STRING)
  @Column(name = "sla_state")
  private SlaState state;

  @Column(name = "sla_decided_at")
  private Instant decidedAt;

  @Column(name = "sla_warn_at")
  private Instant warnAt;

  @Column(name = "sla_warned_at")
  private Instant warnedAt;

  /** A clock replayed from an import (true), or a live one (null). */
  @Column(name = "sla_imported")
  private Boolean imported;

  protected SlaClock() {}

  /** A clock as its lead's row stores it, read back without Hibernate. */
  public static SlaClock stored(
      Instant startedAt,
      Instant deadline,
      SlaState state,
      Instant decidedAt,
      Instant warnAt,
      Instant warnedAt,
      Boolean imported) {
    SlaClock clock = new SlaClock();
    clock.startedAt = startedAt;
    clock.deadline = deadline;
    clock.state = state;
    clock.decidedAt = decidedAt;
    clock.warnAt = warnAt;
    clock.warnedAt = warnedAt;
    clock.imported = imported;
    return clock;
  }

  /**
   * Starts a clock at {@code now} that sales has {@code allowed} to answer, in calendar time: the
   * one place a deadline is computed (the breach job only compares deadlines with the time).
   */
  public static SlaClock start(Instant now, Duration allowed) {
    return start(now, SlaTerms.calendar(allowed), WorkingTime.CALENDAR);
  }

  /**
   * Starts a clock at {@code now} on {@code terms}: the deadline is when the time allowed has
   * passed in {@code time} (the assignee's working hours, or the calendar), and the warning when
   * its share has.
   */
  public static SlaClock start(Instant now, SlaTerms terms, WorkingTime time) {
    SlaClock clock = new SlaClock();
    clock.startedAt = now;
    clock.deadline = time.after(now, terms.allowed());
    if (terms.warnAtShare() != null) {
      long seconds =
          terms.warnAtShare().multiply(BigDecimal.valueOf(terms.allowed().toSeconds())).longValue();
      clock.warnAt = time.after(now, Duration.ofSeconds(seconds));
    }
    clock.state = SlaState.PENDING;
    return clock;
  }

  /** True when the warning is due, unsent and the clock still running: it is sent once. */
  public boolean warn(Instant now) {
    if (state == SlaState.PENDING && warnAt != null && warnedAt == null && !now.isBefore(warnAt)) {
      warnedAt = now;
      return true;
    }
    return false;
  }

  /** Stops the clock on sales's answer; a breach the job already noticed stays a breach. */
  public void stop(Instant now) {
    decidedAt = now;
    if (state == SlaState.PENDING) {
      state = now.isAfter(deadline) ? SlaState.BREACHED : SlaState.MET;
    }
  }

  /**
   * True when the deadline passed unanswered and this is the first to notice. An answer at the
   * deadline itself is in time, as {@link #stop} judges it.
   */
  public boolean breach(Instant now) {
    if (state == SlaState.PENDING && now.isAfter(deadline)) {
      state = SlaState.BREACHED;
      return true;
    }
    return false;
  }

  /**
   * Marks a clock replayed from an import: it is never warned, and a breach the job notices later
   * is counted without an event or a webhook (the past is not news).
   */
  public void markImported() {
    imported = Boolean.TRUE;
    warnAt = null;
  }

  public boolean isImported() {
    return Boolean.TRUE.equals(imported);
  }

  /** The column as it is stored: null for a clock that was never imported. */
  public Boolean getImported() {
    return imported;
  }

  public boolean isRunning() {
    return state != null && decidedAt == null;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public SlaState getState() {
    return state;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Instant getWarnAt() {
    return warnAt;
  }

  public Instant getWarnedAt() {
    return warnedAt;
  }
}
