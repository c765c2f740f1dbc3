# SPDX-License-Identifier: MIT
# ptydrive.py - drive a full-screen program in an 80x24 pseudo-terminal and time it
#
# Used by bench.py. A screen is "painted" when the program has written and
# then stays silent for QUIET seconds; the paint time is the time of its last
# byte. CPU time is read from /proc/PID/schedstat (nanoseconds on a CPU, user
# and system), peak RSS from VmHWM in /proc/PID/status (wait4()'s ru_maxrss
# would count this Python process, which the program is forked from).

import fcntl
import os
import select
import signal
import struct
import termios
import time

ROWS, COLS = 24, 80
QUIET = 0.25        # silence that ends a paint, seconds
TIMEOUT = 10.0      # longest wait for a paint

KEYS = {
    "Enter": b"\r", "Down": b"\x1bOB", "Up": b"\x1bOA", "Space": b" ",
    "Redraw": b"\x0c", "Esc": b"\x1b", "Tab": b"\t",
}


class Pty:
    """One program in a fresh ROWSxCOLS pseudo-terminal."""

    def __init__(self, argv, env, cwd=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd is not None:
                    os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid, self.fd = pid, master
        self.status = self.rusage = None
        self.log = bytearray()

    def read_paint(self, quiet=QUIET, timeout=TIMEOUT):
        """Read until QUIET seconds of silence (or EOF); return (bytes,
        time of the last byte since start, or None if nothing came)."""
        data, last = bytearray(), None
        deadline = time.monotonic() + timeout
        while True:
            wait = quiet if last is not None else deadline - time.monotonic()
            if wait <= 0:
                break
            r, _, _ = select.select([self.fd], [], [], wait)
            if not r:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            last = time.monotonic() - self.t0
            data += chunk
        self.log += data
        return bytes(data), last

    def send(self, b):
        os.write(self.fd, b)

    def cpu_ns(self):
        """Nanoseconds the program has run on a CPU so far."""
        try:
            with open("/proc/%d/schedstat" % self.pid) as f:
                return int(f.read().split()[0])
        except OSError:
            return None

    def hwm_kb(self):
        """Peak resident set size of the program so far (VmHWM), KiB."""
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def wait(self, timeout=5.0):
        """Reap the program (killing it after TIMEOUT); returns the exit
        status; self.rusage holds its resource usage."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                break
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                deadline += 5
            try:                        # drain, so it never blocks writing
                r, _, _ = select.select([self.fd], [], [], 0.02)
                if r:
                    self.log += os.read(self.fd, 65536)
            except OSError:
                time.sleep(0.02)
        self.status, self.rusage = status, ru
        os.close(self.fd)
        return status

    def kill(self):
        os.kill(self.pid, signal.SIGTERM)
        return self.wait()


def first_paint(argv, env, expect, cwd=None):
    """Seconds from fork to the last byte of the first full screen; checks
    that the screen holds EXPECT (bytes). Returns (seconds, bytes)."""
    p = Pty(argv, env, cwd)
    data, last = p.read_paint()
    p.kill()
    if last is None or expect not in data:
        raise RuntimeError("%s: no first screen with %r (got %r)"
                           % (argv[0], expect, data[-300:]))
    return last, len(data)


def walk(argv, env, steps, cwd=None):
    """Start the program, then for each step (key name or text, expected
    bytes or None): send it, read the screen change, record its CPU time
    and bytes, then ask for a full repaint (Ctrl-L) of the same screen and
    record its bytes. The last step must end the program. Returns (list of
    dicts, first paint bytes, peak RSS in KiB)."""
    p = Pty(argv, env, cwd)
    data, last = p.read_paint()
    if last is None:
        raise RuntimeError("%s: nothing on the screen" % argv[0])
    first = len(data)
    out = []
    hwm = p.hwm_kb()
    for i, (key, expect) in enumerate(steps):
        final = i == len(steps) - 1
        hwm = max(hwm, p.hwm_kb())
        c0 = p.cpu_ns()
        p.send(KEYS.get(key, key.encode()))
        data, last = p.read_paint(quiet=QUIET if not final else 0.5)
        c1 = p.cpu_ns() if not final else None
        if expect is not None and expect not in data:
            p.kill()
            raise RuntimeError("step %d (%s): expected %r, got %r"
                               % (i, key, expect, data[-400:]))
        step = {"key": key, "bytes": len(data),
                "cpu_ns": (c1 - c0) if c1 is not None and c0 is not None
                else None, "repaint": None}
        if not final:
            p.send(KEYS["Redraw"])
            rep, _ = p.read_paint()
            step["repaint"] = len(rep)
        out.append(step)
    status = p.wait()
    if not os.WIFEXITED(status):
        raise RuntimeError("%s did not exit by itself" % argv[0])
    return out, first, hwm


def menu_session(argv, env, keys, cwd=None):
    """A whole dialog-like session: paint, KEYS, expect the program to exit.
    Returns its peak RSS (KiB) as seen before the last key."""
    p = Pty(argv, env, cwd)
    p.read_paint()
    hwm = p.hwm_kb()
    for k in keys:
        hwm = max(hwm, p.hwm_kb())
        p.send(KEYS.get(k, k.encode()))
        p.read_paint(quiet=0.1)
    p.wait()
    return hwm
