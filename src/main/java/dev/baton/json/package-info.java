/**
 * JSON as Baton reads and writes it: strict binding that reports every wrong field at once, the
 * jsonb columns, and the value rules of the wire (RFC 3339 times, ISO codes, storable text).
 */
package dev.baton.json;
