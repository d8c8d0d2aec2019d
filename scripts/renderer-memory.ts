import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The resident memory of a Chromium's renderer processes, read from /proc
 * (Linux): what a page really holds, typed arrays and all, unlike the JS heap
 * figure DevTools reports.
 */
export function rendererMemory() {
  const renderers = (): number[] =>
    execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('--type=renderer'))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
  const rss = (pid: number): number => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match === null ? 0 : Number(match[1]) * 1024;
    } catch {
      return 0;
    }
  };
  const current = async () => Math.max(0, ...renderers().map(rss));
  return {
    current,
    /** Samples every 10 ms until stopped; resolves with the largest figure seen. */
    watchPeak() {
      let peak = 0;
      let pids = renderers();
      let rounds = 0;
      const timer = setInterval(() => {
        if (++rounds % 20 === 0) pids = renderers();
        for (const pid of pids) peak = Math.max(peak, rss(pid));
      }, 10);
      return {
        async stop() {
          clearInterval(timer);
          return Math.max(peak, await current());
        },
      };
    },
  };
}
