/**
 * The acceptance SLA: the policy (hours per segment, marketing's commitments; {@code
 * /api/v1/sla/policy}) and the clock of a qualified lead ({@link dev.baton.sla.SlaClock}): when it
 * starts, its deadline, and when an answer meets or breaches it. The job that notices breaches
 * walks leads, so it lives with them ({@code lead.SlaBreachJob}); it only compares deadlines.
 */
package dev.baton.sla;
