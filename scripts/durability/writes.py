"""Durability check of scripts/ci.d/80-durability.sh: a stream of patient creations at a steady
rate, and afterwards the check that every acknowledged one is stored whole.

  writes.py write API TOKEN RATE SECONDS LOG   # every attempt to LOG before it is sent, then its answer
  writes.py verify API TOKEN LOG               # every acknowledged patient present, no partial record
  writes.py read API TOKEN SECONDS LOG         # 2 readers of the full records of 2 new patients, 25/s each
  writes.py verify-reads API ADMIN_TOKEN LOG   # every acknowledged read audited, none twice

Synthetic patients only: pseudonyms DUR-<run>-<n> and DURREAD-<run>-<n>.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request


def call(api, token, method, path, body=None, timeout=5):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(api + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, json.loads(response.read() or b"null")


def body(run, n):
    return {"pseudonym": f"DUR-{run}-{n}", "sex": ["female", "male"][n % 2], "status": "alive",
            "birthDate": f"20{n % 20:02d}-0{n % 9 + 1}-1{n % 9}", "orphaCode": "ORPHA:2762",
            "onset": "date", "onsetDate": f"2021-0{n % 9 + 1}-0{n % 9 + 1}", "reuseConsent": n % 3 == 0,
            "notes": "synthetic durability record " + "x" * (n % 200), "flareUps": n % 2 == 0}


def write(api, token, rate, seconds, log):
    run = str(int(time.time()))
    start = time.monotonic()
    n = acked = failed = 0
    with open(log, "w") as out:
        while time.monotonic() - start < seconds:
            due = start + n / rate
            if due > time.monotonic():
                time.sleep(due - time.monotonic())
            b = body(run, n)
            out.write(json.dumps({"n": n, "body": b}) + "\n")
            out.flush()
            try:
                status, answer = call(api, token, "POST", "/patients", b)
                if status == 201:
                    out.write(json.dumps({"n": n, "id": answer["id"]}) + "\n")
                    out.flush()
                    acked += 1
            except (urllib.error.URLError, OSError, ValueError):
                failed += 1
            n += 1
    print(f"writes: {n} sent at {rate}/s, {acked} acknowledged, {failed} failed while the server was down")


def verify(api, token, log):
    bodies, acked = {}, {}
    with open(log) as f:
        for line in f:
            entry = json.loads(line)
            if "body" in entry:
                bodies[entry["n"]] = entry["body"]
            else:
                acked[entry["n"]] = entry["id"]
    problems = []
    for n, pid in acked.items():
        try:
            _, stored = call(api, token, "GET", f"/patients/{pid}")
        except urllib.error.HTTPError as error:
            problems.append(f"acknowledged write {n} (patient {pid}) answers {error.code}")
            continue
        if any(stored.get(k) != v for k, v in bodies[n].items()):
            problems.append(f"acknowledged write {n} (patient {pid}) stored with other fields")
    # Writes cut off by the kill may or may not be stored, but never in part.
    by_pseudonym = {b["pseudonym"]: b for b in bodies.values()}
    stored, offset, unacked = 0, 0, 0
    ack_ids = set(acked.values())
    while True:
        _, page = call(api, token, "GET", f"/patients?limit=500&offset={offset}")
        for item in page["items"]:
            sent = by_pseudonym.get(item.get("pseudonym"))
            if sent is None:
                continue
            stored += 1
            if item["id"] not in ack_ids:
                unacked += 1
            if any(item.get(k) != v for k, v in sent.items()):
                problems.append(f"patient {item['id']} is stored in part")
        offset += 500
        if offset >= page["total"]:
            break
    print(f"durability: {len(acked)} acknowledged, {len(acked) - sum('acknowledged' in p for p in problems)} present, "
          f"{stored} stored in all ({unacked} unacknowledged, complete), {len(problems)} problems")
    for p in problems[:20]:
        print("  " + p)
    return 1 if problems else 0


def read(api, token, seconds, log, readers=2, rate=25):
    """Each of 2 threads reads one patient's full record (an audited read) 25 times a second; a read
    counts as acknowledged when its 200 arrived. The counts go to LOG at the end."""
    run = str(int(time.time()))
    patients = [call(api, token, "POST", "/patients", body("READ" + run, n) | {"pseudonym": f"DURREAD-{run}-{n}"})[1]["id"]
                for n in range(readers)]
    sent, acked = {p: 0 for p in patients}, {p: 0 for p in patients}
    start = time.monotonic()

    def reader(pid):
        while time.monotonic() - start < seconds:
            due = start + sent[pid] / rate
            if due > time.monotonic():
                time.sleep(due - time.monotonic())
            sent[pid] += 1
            try:
                status, _ = call(api, token, "GET", f"/patients/{pid}/record")
                if status == 200:
                    acked[pid] += 1
            except (urllib.error.URLError, OSError, ValueError):
                time.sleep(0.05)

    threads = [threading.Thread(target=reader, args=(p,)) for p in patients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(log, "w") as out:
        json.dump({"sent": sent, "acked": acked}, out)
    print(f"reads: {sum(sent.values())} sent, {sum(acked.values())} acknowledged")


def verify_reads(api, admin_token, log):
    """Every acknowledged read has its audit entry after the kill (acknowledged <= entries), and no
    entry was written twice (entries <= reads sent)."""
    with open(log) as f:
        counts = json.load(f)
    problems, audited = [], 0
    for pid, acked in counts["acked"].items():
        sent = counts["sent"][pid]
        _, page = call(api, admin_token, "GET", f"/audit?patientId={pid}&entity=patient&action=read&limit=1", timeout=60)
        audited += page["total"]
        if not acked <= page["total"] <= sent:
            problems.append(f"patient {pid}: {acked} reads acknowledged, {sent} sent, {page['total']} audited")
    acked = sum(counts["acked"].values())
    print(f"durability of read audits: {acked} reads acknowledged, {audited} audit entries of reads, {len(problems)} problems")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), sys.argv[6])
    elif sys.argv[1] == "read":
        read(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5])
    elif sys.argv[1] == "verify-reads":
        sys.exit(verify_reads(sys.argv[2], sys.argv[3], sys.argv[4]))
    else:
        sys.exit(verify(sys.argv[2], sys.argv[3], sys.argv[4]))
