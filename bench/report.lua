-- Shared done(): one JSON line that bench/bench.py reads.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, ' ..
      '"p99_us": %d, "errors": %d, "status_errors": %d}\n',
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(95), latency:percentile(99),
      e.connect + e.read + e.write + e.timeout, e.status))
end
