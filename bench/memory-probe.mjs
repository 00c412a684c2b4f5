// Preloaded into the benchmarked server (node --import): answers "memory" on the IPC channel with
// process.memoryUsage(), so the load and soak benchmarks can read the server's heap from outside.
// Plain JavaScript so it loads before, and independently of, the tsx loader the CLI registers.
if (process.send) {
  process.on("message", (m) => {
    if (m === "memory") process.send({ memory: process.memoryUsage() });
  });
  process.channel?.unref();
}
