package dev.baton.lead;

import static dev.baton.apikey.Role.ADMIN;
import static dev.baton.apikey.Role.MARKETING;
import static dev.baton.apikey.Role.SALES;
import static dev.baton.lead.Action.ACCEPT;
import static dev.baton.lead.Action.CONVERT;
import static dev.baton.lead.Action.QUALIFY;
import static dev.baton.lead.Action.RECYCLE;
import static dev.baton.lead.Action.REJECT;
import static dev.baton.lead.LeadStatus.ACCEPTED;
import static dev.baton.lead.LeadStatus.CONVERTED;
import static dev.baton.lead.LeadStatus.GENERATED;
import static dev.baton.lead.LeadStatus.QUALIFIED;
import static dev.baton.lead.LeadStatus.REJECTED;

import dev.baton.apikey.Role;
import dev.baton.common.ProblemException;
import dev.baton.common.ProblemType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The funnel: every allowed move, who may make it and what it requires. The code enforces this
 * table and nothing else; the README prints it ({@link #markdown()}, checked by a test).
 */
public final class Funnel {

  public record Move(
      Action action, LeadStatus from, LeadStatus to, Set<Role> roles, String requires) {}

  public static final List<Move> MOVES =
      List.of(
          new Move(
              QUALIFY,
              GENERATED,
              QUALIFIED,
              EnumSet.of(MARKETING, ADMIN),
              "optional `score` 0–100 and `note`"),
          new Move(ACCEPT, QUALIFIED, ACCEPTED, EnumSet.of(SALES, ADMIN), "`owner`"),
          new Move(
              REJECT,
              GENERATED,
              REJECTED,
              EnumSet.of(MARKETING, SALES, ADMIN),
              "active `reason` code; `note` when the reason requires one"),
          new Move(
              REJECT,
              QUALIFIED,
              REJECTED,
              EnumSet.of(SALES, ADMIN),
              "active `reason` code; `note` when the reason requires one"),
          new Move(
              REJECT,
              ACCEPTED,
              REJECTED,
              EnumSet.of(SALES, ADMIN),
              "active `reason` code; `note` when the reason requires one"),
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
              "optional `note`; `recycleCount` goes up"));

  private Funnel() {}

  /**
   * The move {@code role} asks for from {@code from}: 403 when the role may never take the action,
   * 409 (with the allowed actions) when the lead's status does not allow it, 403 when only other
   * roles may take it from this status.
   */
  public static Move move(Action action, LeadStatus from, Role role) {
    requireRole(action, role);
    Move move =
        find(action, from)
            .orElseThrow(
                () ->
                    new ProblemException(
                            ProblemType.TRANSITION_NOT_ALLOWED,
                            "The lead is "
                                + from
                                + ": '"
                                + action.path()
                                + "' is not allowed; allowed from "
                                + from
                                + ": "
                                + describe(allowedFrom(from)))
                        .with("currentStatus", from)
                        .with("allowedActions", allowedFrom(from)));
    if (!move.roles().contains(role)) {
      throw forbidden(action, role);
    }
    return move;
  }

  /** 403 unless the role may take the action from some status. */
  public static void requireRole(Action action, Role role) {
    if (MOVES.stream().noneMatch(m -> m.action() == action && m.roles().contains(role))) {
      throw forbidden(action, role);
    }
  }

  public static List<Action> allowedFrom(LeadStatus from) {

    return MOVES.stream().filter(m -> m.from() == from).map(Move::action).distinct().toList();
  }

  private static Optional<Move> find(Action action, LeadStatus from) {
    return MOVES.stream().filter(m -> m.action() == action && m.from() == from).findFirst();
  }

  private static ProblemException forbidden(Action action, Role role) {
    return new ProblemException(
        ProblemType.FORBIDDEN,
        "An API key with role " + role + " may not '" + action.path() + "' this lead");
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
          .append(m.action().path())
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
