package dev.baton.webhook;

/** What became of a delivery; {@code webhook_delivery.status} holds these names. */
enum DeliveryStatus {
  /** Due now or later (a retry waits here), or being sent. */
  PENDING,
  /** The receiver answered 2xx. */
  SUCCEEDED,
  /** Given up: the retries ran out, the receiver answered 410, or the subscription was deleted. */
  FAILED;

  /**
   * The status as a SQL literal. Queries name it in their text, not as a parameter: the planner
   * uses the partial indexes {@code WHERE status = 'PENDING'} only for a query whose text implies
   * that predicate, and a generic plan of a prepared statement knows no parameter's value.
   */
  String sql() {
    return "'" + name() + "'";
  }
}
