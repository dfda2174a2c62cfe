package dev.baton.security;

/** What an API key may do. Each key has exactly one role. */
public enum Role {
  /** Marketing tools: hand off, qualify, recycle, contest. */
  MARKETING,
  /** CRMs and sales teams: accept, reject, convert, give feedback. */
  SALES,
  /**
   * Sales operations: the sales team (members, queues), the routing rules and reassignments, and
   * every read. Not the moves of the CRM's keys, nor the admin's keys and reason catalog.
   */
  SALES_MANAGER,
  /** Read-only: leads, history, metrics. */
  ANALYST,
  /** Everything, plus keys and the reason catalog. */
  ADMIN;

  /**
   * The roles' names as constants, for {@code @RolesAllowed} (an annotation takes constants only,
   * not enum names). {@code RoleNamesTest} checks that they spell the enum.
   */
  public static final class Names {
    public static final String MARKETING = "MARKETING";
    public static final String SALES = "SALES";
    public static final String SALES_MANAGER = "SALES_MANAGER";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Names() {}
  }
}
