"""Slow-client check of scripts/ci.d/85-slow-clients.sh: holds CONNECTIONS connections that trickle
a request head one byte a second (opened over 10 s, each reopened when the server's header timeout
closes it), and
meanwhile asks GET /api/v1/health on a fresh connection every 50 ms from another process, for
SECONDS seconds.
Prints the health check's latency percentiles and fails when p99 exceeds LIMIT_MS or a check fails.

  hold.py HOST PORT CONNECTIONS SECONDS LIMIT_MS
"""
import asyncio
import multiprocessing
import sys
import time

# Seconds over which the connections are first opened: the server's header timeout.
RAMP = 10
HEAD = b"GET /api/v1/health HTTP/1.1\r\nHost: slow\r\nX-Slow: " + b"a" * 4000


async def slow(host, port, stop, held, delay):
    # Openings spread over the header timeout, as independent clients come: a synchronised
    # burst of 2,000 reconnections would measure the accept queue, not the server.
    await asyncio.sleep(delay)
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            await asyncio.sleep(0.5)
            continue
        held[0] += 1
        try:
            for i in range(len(HEAD)):
                if stop.is_set():
                    break
                writer.write(HEAD[i:i + 1])
                await writer.drain()
                try:
                    # The server closes the connection at its header timeout: reopen then.
                    if await asyncio.wait_for(reader.read(1), 1.0) == b"":
                        break
                except asyncio.TimeoutError:
                    pass
        except OSError:
            pass
        finally:
            held[0] -= 1
            writer.close()


def probe(host, port, seconds, results):
    """In its own process, so the slow connections' event loop cannot delay it: a health check
    on a fresh connection every 50 ms; each latency in ms, or None for a failure, to `results`."""
    import socket
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.perf_counter()
        try:
            with socket.create_connection((host, port), timeout=5) as s:
                s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: check\r\nConnection: close\r\n\r\n")
                data = b""
                while chunk := s.recv(4096):
                    data += chunk
            results.put((time.perf_counter() - start) * 1000 if data.startswith(b"HTTP/1.1 200") else None)
        except OSError:
            results.put(None)
        time.sleep(0.05)


async def main(host, port, connections, seconds, limit):
    stop, held = asyncio.Event(), [0]
    tasks = [asyncio.create_task(slow(host, port, stop, held, RAMP * i / connections)) for i in range(connections)]
    await asyncio.sleep(RAMP + 1)
    results = multiprocessing.Queue()
    prober = multiprocessing.Process(target=probe, args=(host, port, seconds, results))
    prober.start()
    most = 0
    while prober.is_alive():
        most = max(most, held[0])
        await asyncio.sleep(0.2)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    answers = []
    while not results.empty():
        answers.append(results.get())
    latencies = [a for a in answers if a is not None]
    failures = len(answers) - len(latencies)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("inf")
    p99 = pick(0.99)
    print(f"slow clients: up to {most} of {connections} slow connections held; {len(latencies)} health checks, "
          f"{failures} failed; p50 {pick(0.5):.1f} ms, p99 {p99:.1f} ms, max {latencies[-1] if latencies else 0:.1f} ms (limit {limit} ms)")
    return 0 if failures == 0 and p99 <= limit else 1


if __name__ == "__main__":
    host, port, n, seconds, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    sys.exit(asyncio.run(main(host, port, n, seconds, limit)))
