package dev.baton.lead;

import static dev.baton.lead.Action.ACCEPT;
import static dev.baton.lead.Action.CONVERT;
import static dev.baton.lead.Action.QUALIFY;
import static dev.baton.lead.Action.RECYCLE;
import static dev.baton.lead.Action.REJECT;
import static dev.baton.lead.Funnel.DisputeAnswer.OVERTURN;
import static dev.baton.lead.LeadStatus.ACCEPTED;
import static dev.baton.lead.LeadStatus.CONVERTED;
import static dev.baton.lead.LeadStatus.GENERATED;
import static dev.baton.lead.LeadStatus.QUALIFIED;
import static dev.baton.lead.LeadStatus.REJECTED;
import static dev.baton.security.Role.ADMIN;
import static dev.baton.security.Role.MARKETING;
import static dev.baton.security.Role.SALES;

import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The funnel: every allowed move, who may make it and what it requires. The code enforces this
 * table and nothing else; docs/api.md prints it ({@link #markdown()}, checked by a test).
 */
public final class Funnel {

  /**
   * What asks for a move. An {@link Action} is a client's pick, at {@code POST
   * /api/v1/leads/{id}/{action}}; a {@link DisputeAnswer} is the answer to a dispute, made only by
   * resolving it. The move endpoints take an {@code Action}, so they can never make the other kind.
   */
  public sealed interface Trigger permits Action, DisputeAnswer {
    String name();

    /** As the table and the problems name it: {@code qualify}, {@code overturn}. */
    default String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A dispute's outcome that moves the lead: the rejection is withdrawn ({@link DisputeService}).
   */
  public enum DisputeAnswer implements Trigger {
    OVERTURN
  }

  public record Move(
      Trigger trigger, LeadStatus from, LeadStatus to, Set<Role> roles, String requires) {}

  private static final String REASON = "active `reason` code; `note` when the reason requires one";

  public static final List<Move> MOVES =
      List.of(
          new Move(
              QUALIFY,
              GENERATED,
              QUALIFIED,
              EnumSet.of(MARKETING, ADMIN),
              "optional `score` 0–100 and `note`"),
          new Move(ACCEPT, QUALIFIED, ACCEPTED, EnumSet.of(SALES, ADMIN), "`owner` or an assignee"),
          new Move(REJECT, GENERATED, REJECTED, EnumSet.of(MARKETING, SALES, ADMIN), REASON),
          new Move(REJECT, QUALIFIED, REJECTED, EnumSet.of(SALES, ADMIN), REASON),
          new Move(REJECT, ACCEPTED, REJECTED, EnumSet.of(SALES, ADMIN), REASON),
          new Move(
              CONVERT,
              ACCEPTED,
              CONVERTED,
              EnumSet.of(SALES, ADMIN),
              "optional `opportunityRef`; optional `amount` with ISO 4217 `currency`"),
          new Move(
              RECYCLE,
              REJECTED,
              GENERATED,
              EnumSet.of(MARKETING, ADMIN),
              "optional `note`; `recycleCount` goes up"),
          new Move(
              OVERTURN,
              REJECTED,
              QUALIFIED,
              EnumSet.of(SALES, ADMIN),
              "only by resolving an open dispute (`POST …/dispute/resolve`) with `outcome`"
                  + " OVERTURNED; optional `note`; a fresh acceptance clock"));

  private Funnel() {}

  /**
   * The move {@code role} asks for from {@code from}: 403 when the role may never take the action,
   * 409 (with the allowed actions) when the lead's status does not allow it, 403 when only other
   * roles may take it from this status.
   */
  public static Move move(Action action, LeadStatus from, Role role) {
    requireRole(action, role);
    return allowed(action, from, role);
  }

  /** The move a dispute's answer makes, with the same checks as a client's move. */
  public static Move move(DisputeAnswer answer, LeadStatus from, Role role) {
    return allowed(answer, from, role);
  }

  /** 403 unless the role may take the action from some status. */
  public static void requireRole(Action action, Role role) {
    if (MOVES.stream().noneMatch(m -> m.trigger() == action && m.roles().contains(role))) {
      throw forbidden(action, role);
    }
  }

  /** The actions a client may ask for from this status; a dispute's answer is not one of them. */
  public static List<Action> allowedFrom(LeadStatus from) {
    return MOVES.stream()
        .filter(m -> m.from() == from)
        .flatMap(m -> m.trigger() instanceof Action action ? Stream.of(action) : Stream.empty())
        .distinct()
        .toList();
  }

  private static Move allowed(Trigger trigger, LeadStatus from, Role role) {
    Move move =
        MOVES.stream()
            .filter(m -> m.trigger() == trigger && m.from() == from)
            .findFirst()
            .orElseThrow(
                () ->
                    new ProblemException(
                            ProblemType.TRANSITION_NOT_ALLOWED,
                            "The lead is "
                                + from
                                + ": '"
                                + trigger.label()
                                + "' is not allowed; allowed from "
                                + from
                                + ": "
                                + describe(allowedFrom(from)))
                        .with("currentStatus", from)
                        .with("allowedActions", allowedFrom(from)));
    if (!move.roles().contains(role)) {
      throw forbidden(trigger, role);
    }
    return move;
  }

  private static ProblemException forbidden(Trigger trigger, Role role) {
    return new ProblemException(
        ProblemType.FORBIDDEN,
        "An API key with role " + role + " may not '" + trigger.label() + "' this lead");
  }

  private static String describe(List<Action> actions) {
    return actions.isEmpty()
        ? "nothing (terminal status)"
        : actions.stream().map(Action::path).collect(Collectors.joining(", "));
  }

  /** The table as Markdown, for the docs. */
  public static String markdown() {
    StringBuilder table =
        new StringBuilder("| action | from | to | who | required input |\n|---|---|---|---|---|\n");
    for (Move m : MOVES) {
      table
          .append("| `")
          .append(m.trigger().label())
          .append("` | ")
          .append(m.from())
          .append(" | ")
          .append(m.to())
          .append(" | ")
          .append(m.roles().stream().map(Role::name).collect(Collectors.joining(", ")))
          .append(" | ")
          .append(m.requires())
          .append(" |\n");
    }
    return table.toString();
  }
}
