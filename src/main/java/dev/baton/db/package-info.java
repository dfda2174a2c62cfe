/**
 * The database around the entities: Baton's clock (one bean decides what "now" is), the
 * classification of database failures that requests and jobs share, the embedded PostgreSQL that
 * dev mode and the tests start when none is configured, time-ordered ids, the writes a request
 * sends together at its end ({@link dev.baton.db.Pipeline}), and what a replica keeps in memory
 * until PostgreSQL says it changed ({@link dev.baton.db.ChangeListener}).
 */
package dev.baton.db;
