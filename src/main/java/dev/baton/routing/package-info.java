/**
 * Routing: the sales team as data (members with working hours, absence and capacity; queues of
 * members with weights; {@code /api/v1/members}, {@code /api/v1/queues}), the ordered rules that
 * pick a queue and a method for a lead ({@code /api/v1/routing}, with a preview), and the choice of
 * the member itself ({@link dev.baton.routing.Router}, {@link dev.baton.routing.Rotation},
 * race-free across replicas through {@code QueueTurns}). The lead package asks it at each entry
 * into QUALIFIED and keeps the assignee on the lead.
 */
package dev.baton.routing;
