/**
 * The database around the entities: Baton's clock (one bean decides what "now" is), the
 * classification of database failures that requests and jobs share, and the embedded PostgreSQL
 * that dev mode and the tests start when none is configured.
 */
package dev.baton.db;
