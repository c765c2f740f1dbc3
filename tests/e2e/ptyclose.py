# SPDX-License-Identifier: MIT
# ptyclose.py - keywiz on a pseudo-terminal whose other end is closed under
# it, with no SIGHUP (the pty is not its controlling terminal): it must
# save and exit, not spin.
#
#   python3 ptyclose.py KEYWIZ RECORD [OPTION]...
#
# Prints "exited N" (the exit status, or -SIG for a signal) or "running"
# (then it kills keywiz), and "cpu N" (CPU seconds keywiz used after the
# close, for the log); exits 2 when keywiz never showed its first screen.

import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time

EXPECT = b"Step 1"      # on the first screen of both front ends
FIRST = 30.0            # generous bounds, not speed assertions
GONE = 60.0


def cpu_s(pid):
    """CPU seconds (user + system) of pid so far, or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def main():
    keywiz, record = sys.argv[1], sys.argv[2]
    argv = [keywiz, "--lang", "en", "-o", record] + sys.argv[3:]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    pid = os.fork()
    if pid == 0:
        try:
            # no setsid(), no TIOCSCTTY: the pty is only our 0, 1 and 2, so
            # closing its other end sends no SIGHUP
            os.close(master)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.close(slave)
            os.execve(keywiz, argv, env)
        finally:
            os._exit(127)
    os.close(slave)

    seen, deadline = b"", time.monotonic() + FIRST
    while EXPECT not in seen and time.monotonic() < deadline:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    if EXPECT not in seen:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print("no first screen: %r" % seen[-300:])
        sys.exit(2)

    before = cpu_s(pid)
    os.close(master)
    deadline = time.monotonic() + GONE
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            break
        if time.monotonic() > deadline:
            after = cpu_s(pid)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            print("running")
            if before is not None and after is not None:
                print("cpu %.2f" % (after - before))
            return
        time.sleep(0.1)
    if os.WIFSIGNALED(status):
        print("exited %d" % -os.WTERMSIG(status))
    else:
        print("exited %d" % os.WEXITSTATUS(status))


main()
