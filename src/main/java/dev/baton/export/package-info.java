/**
 * Bulk export: every lead, or every event, matching a filter, streamed as NDJSON or CSV from one
 * server-side cursor in one read-only snapshot, in constant memory, resumable after the last line
 * received. Entry point: {@code ExportResource} under {@code /api/v1/exports}.
 */
package dev.baton.export;
