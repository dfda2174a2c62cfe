/**
 * The business reports both sides read: the funnel ({@code GET /api/v1/funnel}) and the two-sided
 * SLA report ({@code GET /api/v1/sla}), computed in SQL from one row per lead cycle ({@code
 * lead_cycle}). Operations counters for Prometheus are in {@code dev.baton.metrics}.
 */
package dev.baton.reports;
