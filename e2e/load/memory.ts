// The server's memory, as the benchmark reads it from /proc.
//
// One process: the kernel's record of its peak resident set (VmHWM). A server of
// several processes (a supervisor and its workers) is more than one resident set: the processes
// map the same Node.js binary and libraries, and each one's RSS counts those pages again. What
// the server holds at one moment is the set of physical pages its processes map, each page once:
// read from /proc/<pid>/pagemap, which gives the physical frame behind each resident virtual page.
// For one process that is its RSS. The kernel shows frame numbers only to a process with
// CAP_SYS_ADMIN (root); without it every frame reads 0, and the figure falls back to the
// processes' RSS added up at that moment, which counts shared pages once per process.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";

const PAGE = 4096;
const MB = 1024 * 1024;

/** A server's processes: the supervisor and the workers under it (just the one without workers). */
export function groupOf(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children];
  } catch {
    return [pid];
  }
}

/** The peak resident set of one process as the kernel records it (VmHWM), in MB; 0 once it has gone. */
export function peakOf(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** `measure` over a server's processes (groupOf), added up. */
export function groupSum(pid: number, measure: (pid: number) => number): number {
  return groupOf(pid).reduce((n, p) => n + measure(p), 0);
}

/**
 * Adds the physical frames behind the resident pages of one process to `frames`; returns how
 * many resident pages it has and whether their frame numbers could be read. Mappings that grant
 * no access (address space reserved, nothing in it) are skipped.
 */
function addFrames(pid: number, frames: Set<number>): { pages: number; readable: boolean } {
  const maps = readFileSync(`/proc/${pid}/maps`, "utf8").split("\n");
  const fd = openSync(`/proc/${pid}/pagemap`, "r");
  let pages = 0;
  let hidden = 0;
  try {
    for (const line of maps) {
      const [range, perms] = line.split(" ");
      if (!range || !perms || perms.startsWith("---") || line.endsWith("[vsyscall]")) continue;
      const [start, end] = range.split("-").map((hex) => parseInt(hex, 16));
      const entries = Buffer.alloc(((end - start) / PAGE) * 8);
      const read = readSync(fd, entries, 0, entries.length, (start / PAGE) * 8);
      for (let at = 0; at + 8 <= read; at += 8) {
        const high = entries.readUInt32LE(at + 4);
        if (!(high & 0x80000000)) continue; // not resident (bit 63)
        pages++;
        // Bits 0–54: the frame number.
        const frame = entries.readUInt32LE(at) + (high & 0x7fffff) * 2 ** 32;
        if (frame === 0) hidden++;
        else frames.add(frame);
      }
    }
  } finally {
    closeSync(fd);
  }
  return { pages, readable: hidden === 0 };
}

/**
 * What a server's processes hold in memory together at this moment, in MB: each physical page
 * once (`exact`), or, where frame numbers cannot be read, their RSS added up (`exact: false`).
 */
export function residentTogether(pids: number[]): { mb: number; exact: boolean } {
  const frames = new Set<number>();
  let exact = true;
  let pages = 0;
  for (const pid of pids) {
    try {
      const one = addFrames(pid, frames);
      pages += one.pages;
      exact &&= one.readable;
    } catch {
      // gone between listing and reading: it holds nothing now
    }
  }
  return exact ? { mb: (frames.size * PAGE) / MB, exact } : { mb: (pages * PAGE) / MB, exact };
}
