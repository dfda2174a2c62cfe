"""Generates leads with their past for bench/import/run.sh, deterministically (seeded).

    python3 bench/import/generate.py --leads 20000 --out DIR [--seed 19] [--now 2026-11-30T00:00:00Z]
                                     [--import-columns]

Writes to DIR:
  leads.ndjson    one import row per lead (the NDJSON of POST /api/v1/imports, issue 19): the handoff
                  body, handedOffAt, moves and feedback
  lead.csv, lead_cycle.csv, lead_event.csv, lead_external_ref.csv, lead_feedback.csv
                  the same leads as the rows of Baton's tables that an import writes for them: one
                  lead, one lead_cycle per cycle, one lead_event per step (lead.created, each move,
                  each feedback), one external ref, the feedback; CSV for psql \\copy
  copy.sql        the \\copy commands that load those files, with their column lists
  counts          rows per table, one "table count" a line

Every time lies in the two years before --now (default: today 00:00 UTC), and none after it. The
mix: a quarter of the leads handed off already QUALIFIED; of the others half stay GENERATED, a few
are rejected by marketing, the rest are qualified; sales answers 70% of the qualified leads (60% of
those accepted, 40% rejected with catalog reasons) after an exponential delay (mean 10 h), so that
some breach the 24 h SLA; about 55% of the leads end GENERATED or QUALIFIED; a third of the
accepted convert (most with an amount), a few are rejected later; a tenth of the rejected are
recycled into a second cycle; about 30% of the answered get a rating, some with an objection or a
remark. Emails and external ids are unique. --import-columns adds the columns migration V18 gave
the import (lead.sla_imported, lead_event.import_id and recorded_at).
"""
import argparse
import csv
import json
import os
import random
import time
import uuid
from datetime import datetime, timezone

HOUR = 3600
DAY = 24 * HOUR
SLA_HOURS = 24  # the default SLA policy (V7): acceptance within 24 hours

FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances",
         "John", "Radia", "Niklaus", "Sophie", "Tim", "Hedy", "Edsger", "Karen", "Bjarne",
         "Lucia", "Marco", "Ines", "Pablo", "Chloe", "Jonas", "Aiko", "Ravi", "Fatima", "Omar"]
LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie",
        "Allen", "Backus", "Perlman", "Wirth", "Wilson", "Berners-Lee", "Lamarr", "Dijkstra",
        "Jones", "Stroustrup", "Rossi", "Bianchi", "Garcia", "Martin", "Durand", "Schmidt",
        "Tanaka", "Patel", "Haddad", "Nasser"]
TITLES = ["CTO", "VP Engineering", "Head of Marketing", "Sales Director", "CFO", "IT Manager",
          "Operations Manager", "Developer", "Procurement Lead", "CEO", None, None]
INDUSTRIES = ["software", "manufacturing", "retail", "finance", "healthcare", "education",
              "logistics", "media", "energy", "public"]
SIZES = ["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5000+"]
COUNTRIES = ["FR", "DE", "GB", "US", "ES", "IT", "NL", "IE", "CA", "BR", "SE", "PL"]
SOURCES = ["webinar", "paid-search", "organic", "linkedin", "events", "partner",
           "content-syndication", "referral", "email", "trade-show", "direct", "review-sites"]
SOURCE_WEIGHTS = [14, 16, 15, 10, 8, 7, 6, 6, 7, 4, 4, 3]
MEDIUMS = ["cpc", "email", "social", "organic", "referral", "event"]
SEGMENTS = ["smb", "mid-market", "enterprise", "public-sector"]
CURRENCIES = ["EUR", "EUR", "EUR", "USD", "USD", "GBP"]
OWNERS = ["rep%d@example.com" % i for i in range(40)]
MARKETING_REASONS = ["SPAM", "SPAM", "STUDENT_OR_JOB_SEEKER", "BAD_CONTACT_DATA", "DUPLICATE",
                     "COMPETITOR", "NOT_ICP"]
SALES_REASONS = ["NOT_ICP", "NOT_ICP", "NOT_ICP", "BAD_CONTACT_DATA", "BAD_CONTACT_DATA",
                 "EXISTING_CUSTOMER", "NO_NEED", "NO_NEED", "NO_BUDGET", "NO_BUDGET", "NO_BUDGET",
                 "NO_AUTHORITY", "BAD_TIMING", "BAD_TIMING", "UNRESPONSIVE", "UNRESPONSIVE",
                 "UNRESPONSIVE", "OTHER"]
LATE_REASONS = ["CHOSE_COMPETITOR", "CHOSE_COMPETITOR", "NO_BUDGET", "NO_AUTHORITY",
                "BAD_TIMING", "UNRESPONSIVE"]
ACCOUNTABLE = {"NOT_ICP": "MARKETING", "BAD_CONTACT_DATA": "MARKETING", "SPAM": "MARKETING",
               "DUPLICATE": "MARKETING", "EXISTING_CUSTOMER": "MARKETING",
               "STUDENT_OR_JOB_SEEKER": "MARKETING", "COMPETITOR": "MARKETING",
               "NO_NEED": "NONE", "NO_BUDGET": "NONE", "NO_AUTHORITY": "NONE",
               "BAD_TIMING": "NONE", "CHOSE_COMPETITOR": "NONE", "UNRESPONSIVE": "SALES",
               "OTHER": "NONE"}
KINDS = [("OBJECTION", "Price is above their budget"), ("OBJECTION", "Happy with current tool"),
         ("COMPLAINT", "Contact did not remember the form"), ("OBSERVATION", "Asked for a demo"),
         ("NOTE", "Call back next quarter")]
# Who the import's events and feedback name (ImportedLeads): actor "import", role SYSTEM, the key
# of the job; these stand for the key and the job.
KEY_ID = "00000000-0000-4000-8000-000000000019"
IMPORT_ID = "00000000-0000-4000-8000-000000000020"


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


class Cycle:
    __slots__ = ("handed_off_at", "entered_generated", "qualified_at", "accepted_at",
                 "rejected_at", "converted_at", "recycled_at", "reason", "note", "amount",
                 "currency", "opportunity_ref", "owner", "sla_started", "sla_deadline",
                 "sla_state", "sla_decided", "rating_sum", "rating_count", "breaches",
                 "generated_at")

    def __init__(self, at, generated):
        self.handed_off_at = at
        self.entered_generated = generated
        self.generated_at = at if generated else None
        self.qualified_at = self.accepted_at = self.rejected_at = None
        self.converted_at = self.recycled_at = None
        self.reason = self.note = self.amount = self.currency = None
        self.opportunity_ref = self.owner = None
        self.sla_started = self.sla_deadline = self.sla_state = self.sla_decided = None
        self.rating_sum = self.rating_count = self.breaches = 0

    def start_sla(self, at):
        self.sla_started, self.sla_deadline, self.sla_state = at, at + SLA_HOURS * HOUR, "PENDING"

    def answer(self, at):
        if self.sla_state == "PENDING":
            self.sla_decided = at
            if at <= self.sla_deadline:
                self.sla_state = "MET"
            else:
                self.sla_state = "BREACHED"
                self.breaches += 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--leads", type=int, default=1000000)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=19)
    p.add_argument("--now")
    p.add_argument("--import-columns", action="store_true")
    args = p.parse_args()
    if args.now:
        now = int(datetime.fromisoformat(args.now.replace("Z", "+00:00")).timestamp())
    else:
        now = int(time.time()) // DAY * DAY
    recorded = iso(now)
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    rnd, choice, expo, uniform, bits = rng.random, rng.choice, rng.expovariate, rng.uniform, rng.getrandbits

    # Version 7 ids, as Baton makes them: the time in milliseconds first (here a clock that moves
    # on a millisecond every 16 ids, about an import's pace), then random bits.
    made = [0]

    def new_id():
        millis = now * 1000 + made[0] // 16
        made[0] += 1
        return str(uuid.UUID(int=(millis << 80) | (0x7 << 76) | (bits(12) << 64) | (0b10 << 62) | bits(62)))

    files = {name: open(os.path.join(args.out, name + ".csv"), "w", newline="", buffering=1 << 20)
             for name in ("lead", "lead_cycle", "lead_event", "lead_external_ref", "lead_feedback")}
    out = {name: csv.writer(f, lineterminator="\n") for name, f in files.items()}
    ndjson = open(os.path.join(args.out, "leads.ndjson"), "w", buffering=1 << 20)
    counts = dict.fromkeys(files, 0)
    statuses = {}
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    extra_lead = [True] if args.import_columns else []
    extra_event = [IMPORT_ID, recorded] if args.import_columns else []

    for n in range(1, args.leads + 1):
        lead_id = new_id()
        t0 = now - int(uniform(HOUR, 730 * DAY))
        first, last = choice(FIRST), choice(LAST)
        company = int(rnd() * rnd() * 60000)
        email = "%s.%s.%d@company%d.example" % (first.lower(), last.lower(), n, company)
        source = rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
        campaign = "cmp-%d" % int(rnd() * 300) if rnd() < 0.85 else None
        medium = choice(MEDIUMS)
        content = "asset-%d" % int(rnd() * 80) if rnd() < 0.6 else None
        segment = choice(SEGMENTS)
        title = choice(TITLES)
        phone = "+33 1 %02d %02d %02d %02d" % (n % 97, n % 89, n % 83, n % 79) if rnd() < 0.5 else None
        industry, size, country = INDUSTRIES[company % 10], SIZES[company % 7], COUNTRIES[company % 12]
        attributes = {"formId": "form-%d" % (company % 40)} if rnd() < 0.2 else {}
        direct = rnd() < 0.25
        score = 40 + int(rnd() * 61) if direct else None
        external_id = "00Q%012d" % n

        row = {"contact": {"email": email, "firstName": first, "lastName": last},
               "company": {"name": "Company %d" % company, "domain": "company%d.example" % company,
                           "industry": industry, "size": size, "country": country},
               "attribution": {"source": source, "medium": medium},
               "segment": segment}
        if phone:
            row["contact"]["phone"] = phone
        if title:
            row["contact"]["jobTitle"] = title
        if campaign:
            row["attribution"]["campaign"] = campaign
        if content:
            row["attribution"]["content"] = content
        if direct:
            row["status"] = "QUALIFIED"
            row["score"] = score
        if attributes:
            row["attributes"] = attributes
        row["externalRefs"] = [{"system": "crm", "id": external_id}]
        row["handedOffAt"] = iso(t0)

        moves, feedback = [], []
        events = []  # (type, version, at, from, to, data)
        cycles = []
        version = 1
        status = "QUALIFIED" if direct else "GENERATED"
        created = {"status": status, "source": source}
        if campaign:
            created["campaign"] = campaign
        created["segment"] = segment
        if score is not None:
            created["score"] = score
        events.append(("lead.created", version, t0, None, status, created))
        cycle = Cycle(t0, not direct)
        if direct:
            cycle.qualified_at = t0
            cycle.start_sla(t0)
        cycles.append(cycle)
        t = t0
        recycled = 0

        def move(action, at, to, data, **inputs):
            nonlocal version, status, t
            entry = {"action": action, "at": iso(at)}
            entry.update(inputs)
            moves.append(entry)
            version += 1
            events.append(("lead." + {"qualify": "qualified", "accept": "accepted",
                                      "reject": "rejected", "convert": "converted",
                                      "recycle": "recycled"}[action], version, at, status, to, data))
            status, t = to, at

        def give(at):
            if at > now or rnd() >= 0.3:
                return
            rating = rng.choices((1, 2, 3, 4, 5), (1, 2, 4, 4, 2))[0]
            given = {"at": iso(at), "rating": rating}
            kind = text = None
            if rnd() < 0.2:
                kind, text = choice(KINDS)
                given["kind"], given["text"] = kind, text
            feedback.append(given)
            fid = new_id()
            data = {"feedbackId": fid, "rating": rating}
            if kind:
                data["kind"], data["text"] = kind, text
            events.append(("lead.feedback_added", version, at, None, None, data))
            out["lead_feedback"].writerow((fid, lead_id, rating, kind, text, KEY_ID, "import",
                                           "ADMIN", iso(at)))
            counts["lead_feedback"] += 1
            cycle.rating_sum += rating
            cycle.rating_count += 1

        def reject(at, reason):
            note = "Not a fit, see CRM notes" if reason == "OTHER" else None
            data = {"reason": reason, "accountable": ACCOUNTABLE[reason]}
            inputs = {"reason": reason}
            if note:
                data["note"] = inputs["note"] = note
            cycle.answer(at)
            cycle.rejected_at, cycle.reason, cycle.note = at, reason, note
            move("reject", at, "REJECTED", data, **inputs)

        while True:  # one cycle a turn; stops at the first move that would lie after now
            if status == "GENERATED":
                x = rnd()
                if x < 0.50:
                    break
                if x < 0.55:
                    at = t + int(uniform(HOUR, 48 * HOUR))
                    if at > now:
                        break
                    reject(at, choice(MARKETING_REASONS))
                else:
                    at = t + int(expo(1 / (30 * HOUR))) + 60
                    if at > now:
                        break
                    q = 40 + int(rnd() * 61)
                    cycle.qualified_at = at
                    cycle.start_sla(at)
                    move("qualify", at, "QUALIFIED", {"score": q}, score=q)
                    score = q
            if status == "QUALIFIED":
                at = t + int(expo(1 / (10 * HOUR))) + 60
                x = rnd()
                if x < 0.30 or at > now:
                    pass  # never answered
                elif x < 0.72:
                    owner = choice(OWNERS)
                    cycle.answer(at)
                    cycle.accepted_at, cycle.owner = at, owner
                    move("accept", at, "ACCEPTED", {"owner": owner}, owner=owner)
                    give(at + int(uniform(HOUR, 72 * HOUR)))
                    x = rnd()
                    if x < 0.33:
                        at = t + int(uniform(3 * DAY, 90 * DAY))
                        if at <= now:
                            inputs, data = {}, {}
                            if rnd() < 0.85:
                                amount = round(uniform(500, 60000), 2)
                                currency = choice(CURRENCIES)
                                inputs = {"amount": amount, "currency": currency}
                                if rnd() < 0.5:
                                    inputs["opportunityRef"] = "006%012d" % n
                                    data["opportunityRef"] = inputs["opportunityRef"]
                                data["amount"], data["currency"] = amount, currency
                                cycle.amount, cycle.currency = amount, currency
                                cycle.opportunity_ref = inputs.get("opportunityRef")
                            cycle.converted_at = at
                            move("convert", at, "CONVERTED", data, **inputs)
                    elif x < 0.43:
                        at = t + int(uniform(5 * DAY, 60 * DAY))
                        if at <= now:
                            reject(at, choice(LATE_REASONS))
                else:
                    reject(at, choice(SALES_REASONS))
                    give(at + int(uniform(HOUR, 72 * HOUR)))
            if status == "REJECTED" and recycled == 0 and rnd() < 0.10:
                at = t + int(uniform(30 * DAY, 120 * DAY))
                if at <= now:
                    cycle.recycled_at = at
                    recycled = 1
                    move("recycle", at, "GENERATED", {"recycleCount": 1})
                    cycle = Cycle(at, True)
                    cycles.append(cycle)
                    continue
            break

        # A clock still running at import time is judged there: breached if its deadline passed.
        if cycle.sla_state == "PENDING" and cycle.sla_deadline <= now:
            cycle.sla_state = "BREACHED"
            cycle.breaches += 1
        if moves:
            row["moves"] = moves
        if feedback:
            feedback.sort(key=lambda f: f["at"])
            row["feedback"] = feedback
        ndjson.write(dumps(row))
        ndjson.write("\n")
        statuses[status] = statuses.get(status, 0) + 1

        c = cycle
        out["lead"].writerow([
            lead_id, status, email, email.lower(), first, last, phone, title,
            "Company %d" % company, "company%d.example" % company, industry, size, country,
            source, campaign, medium, content, segment, score, c.owner, dumps(attributes),
            iso(c.generated_at) if c.generated_at else None,
            iso(c.qualified_at) if c.qualified_at else None,
            iso(c.accepted_at) if c.accepted_at else None,
            iso(c.rejected_at) if c.rejected_at else None,
            iso(c.converted_at) if c.converted_at else None,
            c.reason, c.note, c.opportunity_ref, c.amount, c.currency, recycled, version,
            iso(t0), iso(t),
            iso(c.sla_started) if c.sla_started else None,
            iso(c.sla_deadline) if c.sla_deadline else None, c.sla_state,
            iso(c.sla_decided) if c.sla_decided else None] +
            ([True if c.sla_state else None] if extra_lead else []))
        for k, c in enumerate(cycles):
            out["lead_cycle"].writerow((
                lead_id, k, iso(c.handed_off_at), source, campaign, segment, content, c.owner,
                c.entered_generated, iso(c.qualified_at) if c.qualified_at else None,
                iso(c.accepted_at) if c.accepted_at else None,
                iso(c.rejected_at) if c.rejected_at else None,
                iso(c.converted_at) if c.converted_at else None,
                iso(c.recycled_at) if c.recycled_at else None, c.reason,
                ACCOUNTABLE[c.reason] if c.reason else None, c.amount, c.currency,
                iso(c.sla_started) if c.sla_started else None,
                iso(c.sla_deadline) if c.sla_deadline else None, c.sla_state,
                iso(c.sla_decided) if c.sla_decided else None, c.rating_sum, c.rating_count,
                c.breaches, c.accepted_at is not None))
        events.sort(key=lambda e: e[2])
        for type_, v, at, frm, to, data in events:
            out["lead_event"].writerow([new_id(), lead_id, type_, v, iso(at), KEY_ID, "import",
                                        "SYSTEM", frm, to, dumps(data)] + extra_event)
        out["lead_external_ref"].writerow((lead_id, "crm", external_id))
        counts["lead"] += 1
        counts["lead_cycle"] += len(cycles)
        counts["lead_event"] += len(events)
        counts["lead_external_ref"] += 1

    for f in files.values():
        f.close()
    ndjson.close()

    columns = {
        "lead": "id, status, email, email_normalized, first_name, last_name, phone, job_title,"
                " company_name, company_domain, company_industry, company_size, company_country,"
                " source, campaign, medium, content, segment, score, owner, attributes,"
                " generated_at, qualified_at, accepted_at, rejected_at, converted_at,"
                " rejection_reason, rejection_note, opportunity_ref, amount, currency,"
                " recycle_count, version, created_at, updated_at, sla_started_at, sla_deadline,"
                " sla_state, sla_decided_at" + (", sla_imported" if extra_lead else ""),
        # seconds_to_* are generated columns: PostgreSQL computes them.
        "lead_cycle": "lead_id, cycle, handed_off_at, source, campaign, segment, content, owner,"
                      " entered_generated, qualified_at, accepted_at, rejected_at, converted_at,"
                      " recycled_at, rejection_reason, rejection_accountable, amount, currency,"
                      " sla_started_at, sla_deadline, sla_state, sla_decided_at, rating_sum,"
                      " rating_count, sla_breaches, was_accepted",
        # id is an identity and txid has a default: PostgreSQL fills them.
        "lead_event": "event_id, lead_id, type, lead_version, occurred_at, actor_key_id,"
                      " actor_name, actor_role, from_status, to_status, data"
                      + (", import_id, recorded_at" if extra_event else ""),
        "lead_external_ref": "lead_id, system, external_id",
        "lead_feedback": "id, lead_id, rating, kind, text, author_key_id, author_name,"
                         " author_role, created_at",
    }
    with open(os.path.join(args.out, "copy.sql"), "w") as f:
        f.write("\\set ON_ERROR_STOP on\n")
        for table in ("lead", "lead_external_ref", "lead_cycle", "lead_event", "lead_feedback"):
            f.write("\\copy %s (%s) FROM '%s' WITH (FORMAT csv)\n"
                    % (table, columns[table], os.path.abspath(os.path.join(args.out, table + ".csv"))))
    with open(os.path.join(args.out, "counts"), "w") as f:
        for table, count in counts.items():
            f.write("%s %d\n" % (table, count))
        for status, count in sorted(statuses.items()):
            f.write("status:%s %d\n" % (status, count))


if __name__ == "__main__":
    main()
