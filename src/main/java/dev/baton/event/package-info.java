/**
 * The history every change writes: the event log (one row per event, in the change's transaction),
 * the change feed ({@code GET /api/v1/events}, gap-free), the {@link dev.baton.event.EventType}
 * catalog with each type's schema in the contract, and the retention job. It announces each
 * recorded event as a CDI event; it knows nothing of who listens.
 */
package dev.baton.event;
