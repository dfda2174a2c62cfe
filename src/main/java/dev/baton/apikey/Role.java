package dev.baton.apikey;

/** What an API key may do. Each key has exactly one role. */
public enum Role {
  /** Marketing tools: hand off, qualify, recycle, contest. */
  MARKETING,
  /** CRMs and sales teams: accept, reject, convert, give feedback. */
  SALES,
  /** Read-only: leads, history, metrics. */
  ANALYST,
  /** Everything, plus keys and the reason catalog. */
  ADMIN
}
