/**
 * Import jobs: a company's history of leads, uploaded as one NDJSON or CSV file, stored in the
 * database in chunks and played in batches by whichever replica claims the job ({@link
 * ImportRunner}); each batch commits its leads with the job's checkpoint, so a job resumes where it
 * stopped and writes nothing twice.
 */
package dev.baton.imports;
