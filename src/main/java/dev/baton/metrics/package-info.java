/**
 * What {@code /q/metrics} serves of Baton's own: counters of committed changes (handoffs, moves,
 * rejections, breaches, erasures), webhook deliveries by outcome, and the gauges read from the
 * database (feed lag, webhook backlog). Every meter is registered at start and no label takes a
 * value a client chooses. Business figures are in {@code dev.baton.reports}.
 */
package dev.baton.metrics;
