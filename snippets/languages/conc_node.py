"""Node.js: one thread, one event loop; a blocked loop, and a worker thread that frees it.

The JavaScript below runs with the `node` on this machine (Node.js 20). It prints JSON;
Python prints the figures.
"""

from __future__ import annotations

import json
import shutil
import subprocess

from labkit.measure import measured

MEMORY_MB = 16384  # V8 reserves a large virtual address range at start-up

NODE_PROGRAM = r"""
// --8<-- [start:js]
import http from "node:http";
import { Worker } from "node:worker_threads";
import { monitorEventLoopDelay } from "node:perf_hooks";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// 1. One thread serves 20 slow requests at once: while a handler awaits, the loop is free.
const server = http.createServer(async (request, response) => {
  await sleep(100);  // a pretend 100 ms database call -- [mark:await]
  response.end("ok");
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
await fetch(url).then((r) => r.text());  // warm up: the first fetch loads the HTTP client
let start = performance.now();
await Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.text())));
const twentyRequests = performance.now() - start;
server.closeAllConnections();
server.close();

// 2. CPU work on the loop thread: every timer and callback waits until it ends.
function crunch(rounds) {
  let total = 0;
  for (let i = 0; i < rounds; i++) total = (total + i * i) % 1000003;
  return total;
}
const ROUNDS = 30_000_000;
const lag = monitorEventLoopDelay({ resolution: 10 });  // how late the loop gets
lag.enable();
await sleep(50);
start = performance.now();
crunch(ROUNDS);  // blocks the loop -- [mark:block]
const crunchTime = performance.now() - start;
await sleep(50);
lag.disable();
const lagOnLoop = lag.max / 1e6;

// 3. The same work in a worker thread: the loop stays responsive.
lag.reset();
lag.enable();
const source = `import { parentPort, workerData } from "node:worker_threads";
${crunch}
parentPort.postMessage(crunch(workerData));`;
await new Promise((resolve, reject) => {
  const worker = new Worker(source, {  // a thread with its own loop -- [mark:worker]
    eval: true, workerData: ROUNDS,
  });
  worker.on("message", resolve);
  worker.on("error", reject);
});
lag.disable();
const lagWithWorker = lag.max / 1e6;

const major = process.version.split(".")[0];
console.log(JSON.stringify({ major, twentyRequests, crunchTime, lagOnLoop, lagWithWorker }));
// --8<-- [end:js]
"""


def main() -> None:
    """Run the Node.js program and print what it measured."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("this snippet needs Node.js (`node`) on the PATH")
    # --8<-- [start:run]
    done = subprocess.run([node, "--input-type=module"], input=NODE_PROGRAM,
                          capture_output=True, text=True, timeout=60, check=True)
    figures = json.loads(done.stdout)
    # --8<-- [end:run]
    # --8<-- [start:print]
    print(f"Node.js {figures['major']}")
    print("20 concurrent requests to a handler that awaits 100 ms, one thread: "
          f"{measured(figures['twentyRequests'], unit=' ms', digits=0, at_most=1000)}")
    crunch = measured(figures["crunchTime"], unit=" ms", digits=0, at_least=100)
    print(f"a CPU job that takes {crunch}; the longest the event loop was late:")
    on_loop = measured(figures["lagOnLoop"], unit=" ms", digits=0, at_least=80)
    in_worker = measured(figures["lagWithWorker"], unit=" ms", digits=0, at_most=200)
    print(f"  job on the loop thread   {on_loop}")
    print(f"  job in a worker thread   {in_worker}")
    # --8<-- [end:print]

if __name__ == "__main__":
    main()
