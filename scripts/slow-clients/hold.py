"""Slow-client check of scripts/ci.d/85-slow-clients.sh: holds CONNECTIONS connections that trickle
a request head one byte a second (each reopened when the server's header timeout closes it), and
meanwhile asks GET /api/v1/health on a fresh connection every 50 ms, for SECONDS seconds.
Prints the health check's latency percentiles and fails when p99 exceeds LIMIT_MS or a check fails.

  hold.py HOST PORT CONNECTIONS SECONDS LIMIT_MS
"""
import asyncio
import sys
import time

HEAD = b"GET /api/v1/health HTTP/1.1\r\nHost: slow\r\nX-Slow: " + b"a" * 4000


async def slow(host, port, stop, held):
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


async def health(host, port):
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"GET /api/v1/health HTTP/1.1\r\nHost: check\r\nConnection: close\r\n\r\n")
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    if not data.startswith(b"HTTP/1.1 200"):
        raise RuntimeError("health check answered " + data[:20].decode(errors="replace"))
    return (time.perf_counter() - start) * 1000


async def main(host, port, connections, seconds, limit):
    stop, held = asyncio.Event(), [0]
    tasks = [asyncio.create_task(slow(host, port, stop, held)) for _ in range(connections)]
    await asyncio.sleep(3)
    latencies, failures, most = [], 0, 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        most = max(most, held[0])
        try:
            latencies.append(await health(host, port))
        except (OSError, RuntimeError, asyncio.TimeoutError):
            failures += 1
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("inf")
    p99 = pick(0.99)
    print(f"slow clients: up to {most} of {connections} slow connections held; {len(latencies)} health checks, "
          f"{failures} failed; p50 {pick(0.5):.1f} ms, p99 {p99:.1f} ms, max {latencies[-1] if latencies else 0:.1f} ms (limit {limit} ms)")
    return 0 if failures == 0 and p99 <= limit else 1


if __name__ == "__main__":
    host, port, n, seconds, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    sys.exit(asyncio.run(main(host, port, n, seconds, limit)))
