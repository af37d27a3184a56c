"""Durability check of scripts/ci.d/80-durability.sh: a stream of patient creations at a steady
rate, and afterwards the check that every acknowledged one is stored whole.

  writes.py write API TOKEN RATE SECONDS LOG   # every attempt to LOG before it is sent, then its answer
  writes.py verify API TOKEN LOG               # every acknowledged patient present, no partial record

Synthetic patients only: pseudonyms DUR-<run>-<n>.
"""
import json
import sys
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


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), sys.argv[6])
    else:
        sys.exit(verify(sys.argv[2], sys.argv[3], sys.argv[4]))
