"""Two `ossify serve` on one PostgreSQL behave as one server (scripts/ci.d/87-two-servers.sh):

  check.py A_URL B_URL USERNAME PASSWORD

A_URL and B_URL are the two servers' /api/v1 bases; USERNAME is a clinician of one site. Checks, each
printed with its figure; exits 1 if any fails:
- a token from one server works on the other;
- optimistic concurrency across both: an update with a version the other server already moved on
  is refused (409), and of 20 simultaneous updates from one version, sent to both servers in turn,
  exactly one wins;
- the login throttle counts failures on both servers: wrong passwords sent to A and B in turn are
  refused with 429 once their sum passes the free allowance, though neither server alone saw that many;
- revocation: after logout on one server the token is refused (401) by the other.
Synthetic patients only (pseudonyms TWO-<run>-<n>).
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request


def call(base, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw) if raw else None
        except ValueError:
            return error.code, None


def main():
    a, b, username, password = sys.argv[1:5]
    run = str(int(time.time()))
    failures = []

    def check(name, ok, detail):
        print(f"two servers: {name}: {'ok' if ok else 'FAILED'} ({detail})")
        if not ok:
            failures.append(name)

    status, reply = call(a, "POST", "/auth/login", body={"username": username, "password": password})
    token = reply["token"] if status == 200 else None
    check("sign-in on A", status == 200, f"status {status}")
    status, _ = call(b, "GET", "/patients?limit=1", token)
    check("A's token works on B", status == 200, f"status {status}")

    status, patient = call(a, "POST", "/patients", token, {"pseudonym": f"TWO-{run}-1", "sex": "female", "status": "alive"})
    pid = patient["id"]
    fields = {"pseudonym": f"TWO-{run}-1", "sex": "female", "status": "alive", "notes": "changed on B"}
    s1, _ = call(b, "PUT", f"/patients/{pid}", token, dict(fields, version=1))
    s2, _ = call(a, "PUT", f"/patients/{pid}", token, dict(fields, version=1, notes="changed on A"))
    check("a version moved on by B is stale on A", (s1, s2) == (200, 409), f"B {s1}, then A with the same version {s2}")

    statuses = []
    lock = threading.Lock()

    def update(n):
        server = a if n % 2 == 0 else b
        s, _ = call(server, "PUT", f"/patients/{pid}", token, dict(fields, version=2, notes=f"race {n}"))
        with lock:
            statuses.append(s)

    threads = [threading.Thread(target=update, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check("20 simultaneous updates over both servers, one winner", statuses.count(200) == 1 and statuses.count(409) == 19,
          f"{statuses.count(200)} x 200, {statuses.count(409)} x 409, others {[s for s in statuses if s not in (200, 409)]}")

    # The default policy lets 3 failures of one username at one address pass, then waits 1 s, 2 s, ...
    seen = []
    for n in range(6):
        server = a if n % 2 == 0 else b
        s, _ = call(server, "POST", "/auth/login", body={"username": username, "password": "wrong password " + str(n)})
        seen.append(("A" if server == a else "B", s))
    refused = [x for x in seen if x[1] == 429]
    check("failed sign-ins counted across both servers", len(refused) >= 1 and all(x[1] in (401, 429) for x in seen),
          "attempts " + ", ".join(f"{srv}:{s}" for srv, s in seen) + " (neither server alone saw more than 3)")

    status, _ = call(b, "POST", "/auth/logout", token)
    s_a, _ = call(a, "GET", "/patients?limit=1", token)
    check("logout on B revokes the token on A", status == 204 and s_a == 401, f"logout {status}, then A {s_a}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
