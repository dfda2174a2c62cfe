package dev.baton.routing;

import dev.baton.routing.TeamRecords.MemberInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person qualified leads can be assigned to: when they work, when they are away, how much. */
@Entity
@Table(name = "sales_member")
public class SalesMember {

  @Id private String id;

  @Column(nullable = false)
  private String name;

  private String email;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "working_hours", columnDefinition = "jsonb")
  private List<WorkingHours> workingHours;

  @Column(name = "away_until")
  private Instant awayUntil;

  @Column(name = "max_open")
  private Integer maxOpen;

  @Column(name = "max_per_day")
  private Integer maxPerDay;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SalesMember() {}

  SalesMember(String id, Instant now) {
    this.id = id;
    this.createdAt = now;
  }

  void replace(MemberInput in, Instant now) {
    this.name = in.name().strip();
    this.email = in.email() == null || in.email().isBlank() ? null : in.email().strip();
    this.timeZone = in.timeZone();
    this.workingHours = in.workingHours() == null ? List.of() : List.copyOf(in.workingHours());
    this.awayUntil = in.awayUntil();
    this.maxOpen = in.maxOpen();
    this.maxPerDay = in.maxPerDay();
    this.active = in.active() == null || in.active();
    this.updatedAt = now;
  }

  /** Whether the member takes leads at all at {@code now}: active and not away. */
  boolean present(Instant now) {
    return active && (awayUntil == null || !awayUntil.isAfter(now));
  }

  /** {@code now} in the member's time zone. */
  ZonedDateTime local(Instant now) {
    return now.atZone(ZoneId.of(timeZone));
  }

  boolean working(Instant now) {
    return WorkingHours.working(workingHours, local(now));
  }

  /** When the member next works, from {@code now} (now itself when working now). */
  Instant nextWorking(Instant now) {
    return WorkingHours.nextWorking(workingHours, local(now)).toInstant();
  }

  /** The start of the member's day containing {@code now}, for the leads-per-day capacity. */
  Instant startOfDay(Instant now) {
    return local(now).toLocalDate().atStartOfDay(ZoneId.of(timeZone)).toInstant();
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public List<WorkingHours> getWorkingHours() {
    return workingHours;
  }

  public Instant getAwayUntil() {
    return awayUntil;
  }

  public Integer getMaxOpen() {
    return maxOpen;
  }

  public Integer getMaxPerDay() {
    return maxPerDay;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
