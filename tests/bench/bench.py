# SPDX-License-Identifier: MIT
# bench.py - make bench: keywiz's speed and memory beside the floor and the peers
#
# usage: python3 bench.py --srcdir DIR --builddir DIR [--out FILE] [--quick]
#
# Runs every measure of issue 7 in one go on this machine, prints one table
# and writes it, with the machine and the method, to FILE (default
# BUILDDIR/tests/bench/RESULTS). Copy that file over the source tree's
# tests/bench/RESULTS when performance work lands.

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptydrive  # noqa: E402

SIZES = (1000, 10000, 100000)
LOAD_RUNS = {1000: 9, 10000: 9, 100000: 9}
PAINT_RUNS = 31
RSS_RUNS = 7
REPORT_SIZES = (10000, 100000)  # records for --report
REPORT_RUNS = 5
MATCH_MESSAGES = 1000
MATCH_NODES = 2000          # enough choice options for 1,000 messages

# The nine messages as the admin center shows them (design.md section 7),
# for dialog's menu.
NINE = [
    "Sorry, this is an invalid product key. Try entering it again. If your "
    "product key is for Microsoft 365 Personal or Microsoft 365 Family, "
    "redeem it at office.com/setup.",
    "The product key you entered isn't valid. Try entering it again.",
    "You have already entered this product key. Enter a different key.",
    "The product key you entered has expired. Enter a different key.",
    "This product key has already been used. Enter a different product key.",
    "Sorry, we can't process your request right now. Wait a few minutes and "
    "try again.",
    "The requested subscription isn't available. One of the following "
    "reasons could have caused this: The offer isn't available - The service "
    "isn't available in your country/region - It's impossible to use/select "
    "the same trial twice. If the issue persists, contact Microsoft support.",
    "You've added more user licenses than this offer allows. The maximum is "
    "<x> user licenses. Remove this product key and enter one that adds "
    "fewer user licenses.",
    "You must be a global or billing admin to redeem a product key.",
]

# The scripted walk of the bundled tree: type a key, pick "already been
# used" with the arrows, answer the step and two questions, leave.
WALK = ([(c, None) for c in "BCDFGHJKMPQRTVWXY2346789B"] +
        [("Enter", b"The error message")] +
        [("Down", None)] * 6 + [("Up", None)] * 2 +
        [("Enter", b"Find out who used it"), ("Enter", b"y) Yes"),
         ("n", b"Bought through a partner"), ("n", b"Who sold it"),
         ("Contoso", None), ("Enter", b"Date of purchase"),
         ("2026-11-02", None), ("Enter", b"Order number"), ("A-1", None),
         ("Enter", b"Contact the reseller"), ("Enter", None)])


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def run(argv, env=None, out=subprocess.DEVNULL):
    """Wall seconds, CPU seconds and peak RSS (KiB) of ARGV, measured by
    tests/bench/runstat (see there why not by this process)."""
    p = subprocess.run([os.path.join(ARGS.bindir, "runstat")] + argv,
                       env=env, stdout=out, stderr=subprocess.PIPE)
    m = re.search(rb"runstat: wall=([0-9.]+) cpu=([0-9.]+) "
                  rb"maxrss_kb=(\d+) status=0\n", p.stderr)
    if p.returncode != 0 or m is None:
        raise RuntimeError("%s exited %d: %s" % (" ".join(argv),
                           p.returncode, p.stderr.decode(errors="replace")))
    return float(m.group(1)), float(m.group(2)), int(m.group(3))


def instructions(argv, env):
    """Instructions ARGV executes, counted by callgrind, or None."""
    vg = shutil.which("valgrind")
    if vg is None:
        return None
    p = subprocess.run([vg, "--tool=callgrind", "--callgrind-out-file=" +
                        os.devnull] + argv, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    m = re.search(rb"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if m and p.returncode == 0 else None


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True,
                              text=True).stdout.strip()
    except OSError:
        return ""


def machine(cc):
    model = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
    if " hypervisor" in open("/proc/cpuinfo").read():
        model += " (virtual machine%s)" % (
            ", " + sh("lscpu | sed -n 's/^Hypervisor vendor: *//p'")
            if sh("lscpu | grep -c '^Hypervisor vendor'") not in ("", "0")
            else "")
    mem = sh("sed -n 's/^MemTotal: *//p' /proc/meminfo")
    return [
        ("machine", model),
        ("cores", "%s online (%s)" % (os.cpu_count(),
                                      sh("lscpu | sed -n "
                                         "'s/^Thread(s) per core: */threads "
                                         "per core /p'"))),
        ("memory", mem),
        ("kernel", "%s %s" % (platform.system(), platform.release())),
        ("compiler", sh("%s --version | head -1" % cc)),
        ("libyaml", sh("pkg-config --modversion yaml-0.1")),
        ("ncurses", sh("pkg-config --modversion ncursesw")),
        ("dialog", sh("dialog --version 2>&1 | head -1")),
        ("keywiz", "%s (git %s)" % (sh("%s --version | head -1" %
                                         ARGS.keywiz),
                                      sh("git -C %s describe --always "
                                         "--dirty 2>/dev/null" %
                                         ARGS.srcdir) or "?")),
        ("linked", "libyaml, jansson, libunistring %s" % (
            "shared (configure's default)" if deps_shared(ARGS.keywiz)
            else "static (configure --enable-static-deps)")),
    ]


def deps_shared(prog):
    """Whether prog links libyaml (and so jansson and libunistring) as a
    shared library: its NEEDED entries (readelf -d)."""
    p = subprocess.run(["readelf", "-d", prog], capture_output=True,
                       text=True)
    return p.returncode == 0 and "libyaml" in p.stdout


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def med(v):
    return statistics.median(v)


# ---- the measures ----

def gen_tree(n, messages=None):
    path = os.path.join(ARGS.workdir, "tree-%d%s.yaml" %
                        (n, "" if messages is None else "-m%d" % messages))
    gen = os.path.join(ARGS.bindir, "gentree")
    if (not os.path.exists(path) or
            os.path.getmtime(path) < os.path.getmtime(gen)):
        log("generating %s" % path)
        argv = [gen, str(n)] + ([] if messages is None else [str(messages)])
        with open(path + ".tmp", "wb") as f:
            run(argv, out=f)
        os.rename(path + ".tmp", path)
    return path


def measure_load(env):
    rows = []
    floor = os.path.join(ARGS.bindir, "yamlfloor")
    for n in SIZES:
        path = gen_tree(n)
        size = os.path.getsize(path)
        kenv = dict(env, KEYWIZ_MAX_TREE_BYTES=str(max(size * 2, 1 << 24)))
        runs = max(3, LOAD_RUNS[n] // (3 if ARGS.quick else 1))
        log("load %d nodes: %d runs each of --check and the floor"
            % (n, runs))
        chk, flo, chk_cpu, flo_cpu, chk_rss, flo_rss = [], [], [], [], [], []
        for _ in range(runs):           # interleaved: noise hits both
            w, c, r = run([ARGS.keywiz, "--check", path], kenv)
            chk.append(w)
            chk_cpu.append(c)
            chk_rss.append(r)
            w, c, r = run([floor, path], kenv)
            flo.append(w)
            flo_cpu.append(c)
            flo_rss.append(r)
        row = {"n": n, "bytes": size, "check": med(chk), "floor": med(flo),
               "check_cpu": med(chk_cpu), "floor_cpu": med(flo_cpu),
               "rss": max(chk_rss) * 1024, "floor_rss": max(flo_rss) * 1024,
               "ir": None, "floor_ir": None}
        if n <= ARGS.callgrind_max:
            log("load %d nodes: callgrind instruction counts" % n)
            row["ir"] = instructions([ARGS.keywiz, "--check", path], kenv)
            row["floor_ir"] = instructions([floor, path], kenv)
        rows.append(row)
    return rows


def measure_match():
    path = gen_tree(MATCH_NODES, MATCH_MESSAGES)
    bundled = os.path.join(ARGS.srcdir, "wizard", "m365-product-key.yaml")
    p = subprocess.run([os.path.join(ARGS.bindir, "matchbench"), path,
                        "101", bundled], capture_output=True, text=True,
                       check=True)
    return dict(line.split("=", 1) for line in p.stdout.split())


def keywiz_argv():
    return [ARGS.keywiz, "--lang=en"]


def dialog_argv():
    argv = [shutil.which("dialog"), "--menu", "Which message did you see?",
            "24", "80", "9"]
    for i, m in enumerate(NINE):
        argv += [str(i + 1), m]
    return argv


def no_journal(env):
    """A run of keywiz killed at its first paint leaves its call unfinished
    in its journal, which the next start would offer to continue: each
    paint run and each walk starts with none (and writes its own, whose
    cost is measured)."""
    shutil.rmtree(os.path.join(env["HOME"], ".local", "state", "keywiz"),
                  ignore_errors=True)


def keywiz_paint(argv, env):
    """keywiz's first paint, with no journal before it."""
    no_journal(env)
    return ptydrive.first_paint(argv, env, b"product key", cwd=ARGS.workdir)


def measure_paint(env):
    have_dialog = shutil.which("dialog") is not None
    kw, dl, kwb, dlb = [], [], [], []
    log("first paint: %d runs each" % PAINT_RUNS)
    for _ in range(PAINT_RUNS):
        t, b = keywiz_paint(keywiz_argv(), env)
        kw.append(t)
        kwb.append(b)
        if have_dialog:
            t, b = ptydrive.first_paint(dialog_argv(), env, b"Which message",
                                        cwd=ARGS.workdir)
            dl.append(t)
            dlb.append(b)
    return {"keywiz": med(kw), "keywiz_bytes": med(kwb),
            "dialog": med(dl) if dl else None,
            "dialog_bytes": med(dlb) if dlb else None}


def other_keywiz():
    """keywiz linked the other way: with libyaml, jansson and libunistring
    from their static archives if the build linked them shared (configure's
    default), shared if it took them static (--enable-static-deps); ncurses
    and libc stay shared. Returns (path, how) or (None, None) if it cannot
    be linked here."""
    main_o = os.path.join(ARGS.builddir, "src", "main.o")
    lib = os.path.join(ARGS.builddir, "src", "libkeywiz.a")
    deps = ["-lyaml", "-ljansson", "-lunistring"]
    shared = deps_shared(ARGS.keywiz)
    how = "static" if shared else "shared"
    out = os.path.join(ARGS.bindir, "keywiz-" + how)
    if shared:
        deps = ["-Wl,-Bstatic"] + deps + ["-Wl,-Bdynamic"]
    argv = [ARGS.cc, "-o", out, main_o, lib] + deps + ["-lncursesw",
                                                       "-ltinfo"]
    if not os.path.exists(main_o) or subprocess.run(
            argv, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode != 0:
        return None, None
    return out, how


def measure_walk(env):
    log("keystrokes: a scripted walk of %d keys" % len(WALK))
    no_journal(env)
    steps, first, ru = ptydrive.walk(keywiz_argv(), env, WALK,
                                     cwd=ARGS.workdir)
    changes = [s for s in steps if s["repaint"] is not None and s["bytes"]]
    cpu = [s["cpu_ns"] / 1e6 for s in changes if s["cpu_ns"] is not None]
    ratio = [s["bytes"] / s["repaint"] for s in changes]
    res = {"keys": len(steps), "changes": len(changes),
           "cpu_med": med(cpu), "cpu_p90": sorted(cpu)[int(len(cpu) * .9)],
           "cpu_max": max(cpu),
           "bytes_med": med([s["bytes"] for s in changes]),
           "bytes_max": max(s["bytes"] for s in changes),
           "repaint_med": med([s["repaint"] for s in changes]),
           "ratio_max": max(ratio),
           "over": sum(1 for r in ratio if r > 1), "first": first,
           "rss": ru * 1024, "dialog_rss": None,
           }
    # peak RSS: the same walk without the repaints, median of RSS_RUNS,
    # as for dialog (one walk's peak moves by +-60 KB from run to run)
    log("peak RSS: %d keywiz sessions" % RSS_RUNS)
    rss = [ptydrive.menu_session(keywiz_argv(), env,
                                 [k for k, _ in WALK], cwd=ARGS.workdir)
           for _ in range(RSS_RUNS)]
    res["rss"] = med(rss) * 1024
    res["other_rss"] = res["other_paint"] = res["other_how"] = None
    other, how = other_keywiz()
    if other is not None:
        log("keywiz-%s: %d sessions, %d first paints each beside dialog's"
            % (how, RSS_RUNS, PAINT_RUNS))
        no_journal(env)
        rss = [ptydrive.menu_session([other, "--lang=en"], env,
                                     [k for k, _ in WALK], cwd=ARGS.workdir)
               for _ in range(RSS_RUNS)]
        res["other_rss"] = med(rss) * 1024
        res["other_how"] = how
        kw, dl = [], []
        for _ in range(PAINT_RUNS):
            kw.append(keywiz_paint([other, "--lang=en"], env)[0])
            if shutil.which("dialog") is not None:
                dl.append(ptydrive.first_paint(dialog_argv(), env,
                                               b"Which message",
                                               cwd=ARGS.workdir)[0])
        res["other_paint"] = med(kw)
        res["other_paint_dialog"] = med(dl) if dl else None
    if shutil.which("dialog") is not None:
        log("peak RSS: %d dialog sessions" % RSS_RUNS)
        rss = [ptydrive.menu_session(dialog_argv(), env,
                                     ["Down"] * 4 + ["Enter"],
                                     cwd=ARGS.workdir)
               for _ in range(RSS_RUNS)]
        res["dialog_rss"] = med(rss) * 1024
    res["steps"] = steps
    return res


# ---- --report over generated records ----

def gen_records(n):
    """A folder of N records of calls on the bundled tree, written by
    tests/bench/genrecords (the engine walks them, the record's own JSON
    writer writes them); made once, kept in the build directory."""
    d = os.path.join(ARGS.workdir, "records-%d" % n)
    stamp = os.path.join(d, ".complete")
    if not os.path.exists(stamp):
        log("generating %d records" % n)
        shutil.rmtree(d, ignore_errors=True)
        subprocess.run([os.path.join(ARGS.bindir, "genrecords"),
                        os.path.join(ARGS.srcdir, "wizard",
                                     "m365-product-key.yaml"),
                        str(n), d, "1"], check=True)
        open(stamp, "w").close()
    size = sum(e.stat().st_size for e in os.scandir(d) if e.is_file())
    return d, size


# jq computing only the outcome counts: what a user pays without --report
JQ_PROG = '.status + " " + (.outcome.result // "-")'


def measure_report(env):
    res = []
    jq = shutil.which("jq")
    for n in REPORT_SIZES:
        d, size = gen_records(n)
        r = {"n": n, "bytes": size, "report": [], "cpu": [], "rss": [],
             "jq": [], "jq_cpu": [], "jq_rss": []}
        rep = [ARGS.keywiz, "--report", "--format=csv", d]
        jqcmd = ["sh", "-c", "find \"$1\" -name '*.json' -exec %s -r '%s' "
                 "{} + | sort | uniq -c" % (jq, JQ_PROG), "sh", d]
        run(rep, env)                       # the page cache, warm
        if jq:
            run(jqcmd, env)
        log("--report over %d records, %d runs" % (n, REPORT_RUNS))
        for _ in range(REPORT_RUNS):
            w, c, m = run(rep, env)
            r["report"].append(w)
            r["cpu"].append(c)
            r["rss"].append(m)
            if jq:
                w, c, m = run(jqcmd, env)
                r["jq"].append(w)
                r["jq_cpu"].append(c)
                r["jq_rss"].append(m)
        for k in list(r):
            if isinstance(r[k], list):
                r[k] = med(r[k]) if r[k] else None
        res.append(r)
    return res


def report_rows(rep, row):
    L = []
    prev = None
    for r in rep:
        L.append("Report %-4s (%s, %s records)" % (
            "%dk" % (r["n"] // 1000), mib(r["bytes"]),
            format(r["n"], ",")))
        big = r["n"] == REPORT_SIZES[-1]
        if r["jq"]:
            L.append(row % ("  --report vs jq outcome counts", ms(r["report"]),
                            ms(r["jq"]), "%.2fx" % (r["report"] / r["jq"]),
                            "< 2 s" if big else "",
                            verdict(r["report"] < 2) if big else ""))
            # the same target on the CPU time: what the wall time is on
            # an idle machine, and what a loaded one cannot hide
            L.append(row % ("  CPU (user+sys)", ms(r["cpu"]), ms(r["jq_cpu"]),
                            "%.2fx" % (r["cpu"] / r["jq_cpu"]),
                            "< 2 s" if big else "",
                            verdict(r["cpu"] < 2) if big else ""))
        else:
            L.append(row % ("  --report (wall)", ms(r["report"]), "no jq",
                            "", "< 2 s" if big else "",
                            verdict(r["report"] < 2) if big else ""))
        L.append(row % ("  peak RSS", kib(r["rss"] * 1024),
                        kib(r["jq_rss"] * 1024) if r["jq_rss"] else "",
                        "", "", ""))
        if prev is not None:
            g = r["report"] / prev["report"]
            L.append(row % ("  growth from %dk (time, 10x records)" %
                            (prev["n"] // 1000), "%.2fx" % g, "", "",
                            "<= 11x", verdict(g <= 11)))
            m = r["rss"] / prev["rss"]
            L.append(row % ("  peak RSS against %dk's" % (prev["n"] // 1000),
                            "%.2fx" % m, "", "", "<= 1.1x (flat)",
                            verdict(m <= 1.1)))
        prev = r
    return L


# ---- the table ----

def mib(b):
    return "%.1f MiB" % (b / 1048576)


def kib(b):
    return "%d KiB" % (b // 1024)


def ms(s):
    return "%.1f ms" % (s * 1000) if s < 10 else "%.2f s" % s


def verdict(ok):
    return "ok" if ok else "MISSED"


def table(load, paint, match, walk, rep):
    L = []
    row = "%-34s %13s %13s %8s  %-22s %s"
    L.append(row % ("measure", "keywiz", "floor/peer", "ratio", "target",
                    ""))
    L.append("-" * 100)
    prev = None
    for r in load:
        n = "%dk" % (r["n"] // 1000)
        L.append("Load %-5s (%s, %s)" % (n, mib(r["bytes"]),
                                          "%d nodes" % r["n"]))
        ratio = r["check"] / r["floor"]
        target = r["n"] == SIZES[-1]
        L.append(row % ("  --check vs libyaml floor (wall)", ms(r["check"]),
                        ms(r["floor"]), "%.2fx" % ratio,
                        "<= 1.5x" if target else "",
                        verdict(ratio <= 1.5) if target else ""))
        L.append(row % ("  CPU (user+sys)", ms(r["check_cpu"]),
                        ms(r["floor_cpu"]),
                        "%.2fx" % (r["check_cpu"] / r["floor_cpu"]), "", ""))
        if r["ir"] and r["floor_ir"]:
            L.append(row % ("  instructions (callgrind)",
                            "%.3g" % r["ir"], "%.3g" % r["floor_ir"],
                            "%.2fx" % (r["ir"] / r["floor_ir"]),
                            "<= 1.5x", verdict(r["ir"] / r["floor_ir"]
                                               <= 1.5)))
        rss = r["rss"] / r["bytes"]
        L.append(row % ("  peak RSS (floor's) / file size", mib(r["rss"]),
                        mib(r["floor_rss"]), "%.2fx" % rss,
                        "<= 1.5x file" if target else "",
                        verdict(rss <= 1.5) if target else ""))
        if prev is not None:
            g = r["check"] / prev["check"]
            gf = r["floor"] / prev["floor"]
            L.append(row % ("  growth from %dk (time, 10x nodes)" %
                            (prev["n"] // 1000), "%.2fx" % g, "%.2fx" % gf,
                            "", "<= 11x", verdict(g <= 11)))
        prev = r
    if paint["dialog"] is not None:
        pr = paint["keywiz"] / paint["dialog"]
        L.append(row % ("First full screen, 80x24 (median)",
                        ms(paint["keywiz"]), ms(paint["dialog"]),
                        "%.2fx" % pr, "<= 1.25x dialog",
                        verdict(pr <= 1.25)))
    else:
        L.append(row % ("First full screen, 80x24 (median)",
                        ms(paint["keywiz"]), "no dialog", "", "", ""))
    m = float(match["hit_median_ms"]) / 1000
    L.append(row % ("Matching: 2,000-char paste, %s msgs" %
                    format(int(match["messages"]), ","),
                    ms(m), "", "",
                    "< 5 ms", verdict(m < 0.005 and match["hit_found"] ==
                                      "1")))
    L.append(row % ("  in %s languages each" % match["langs"], "", "", "",
                    "", ""))
    L.append(row % ("  no message in the paste", ms(float(
        match["noise_median_ms"]) / 1000), "", "", "", ""))
    L.append(row % ("  preparing the matcher", ms(float(
        match["build_ms"]) / 1000), "", "", "", ""))
    k = float(match["key_median_ms"]) / 1000
    L.append(row % ("Typed filter, a key (%s languages)" %
                    match["bundled_langs"], "%.3f ms" % (k * 1000), "", "",
                    "< 1 ms",
                    verdict(k < 0.001)))
    L.append(row % ("  worst of %s keys" % format(int(match["keys"]), ","),
                    ms(float(match["key_max_ms"]) / 1000), "", "", "", ""))
    b = float(match["bundled_build_ms"]) / 1000
    L.append(row % ("  preparing its matcher", ms(b), "", "",
                    "< 5 ms or lazily",
                    verdict(b < 0.005) if b < 0.005 else "lazily"))
    L.append(row % ("Keystroke CPU (median, %d keys)" % walk["changes"],
                    "%.2f ms" % walk["cpu_med"], "", "", "< 1 ms",
                    verdict(walk["cpu_med"] < 1)))
    L.append(row % ("  90th percentile / worst", "%.2f ms" % walk["cpu_p90"],
                    "%.2f ms" % walk["cpu_max"], "", "", ""))
    L.append(row % ("Bytes per screen change vs repaint",
                    "%d B" % walk["bytes_med"], "%d B" % walk["repaint_med"],
                    "%.2fx" % (walk["bytes_med"] / walk["repaint_med"]),
                    "<= repaint", ""))
    L.append(row % ("  largest change / its repaint", "%d B" %
                    walk["bytes_max"], "", "%.2fx" % walk["ratio_max"],
                    "every one <= 1x", verdict(walk["over"] == 0)))
    if walk["dialog_rss"] is not None:
        rr = walk["rss"] / walk["dialog_rss"]
        L.append(row % ("Peak RSS, whole session vs dialog",
                        kib(walk["rss"]), kib(walk["dialog_rss"]),
                        "%.2fx" % rr, "<= 1.05x dialog",
                        verdict(rr <= 1.05)))
        if walk["other_rss"] is not None:
            L.append(row % ("  yaml, jansson, unistring %s"
                            % walk["other_how"], kib(walk["other_rss"]),
                            kib(walk["dialog_rss"]), "%.2fx" %
                            (walk["other_rss"] / walk["dialog_rss"]), "",
                            ""))
            if walk["other_paint_dialog"]:
                L.append(row % ("  first full screen, that build",
                                ms(walk["other_paint"]),
                                ms(walk["other_paint_dialog"]), "%.2fx" %
                                (walk["other_paint"] /
                                 walk["other_paint_dialog"]), "", ""))
    else:
        L.append(row % ("Peak RSS, whole session", kib(walk["rss"]),
                        "no dialog", "", "", ""))
    L += report_rows(rep, row)
    return L


METHOD = """\
Method (tests/bench/bench.py; `make bench`):
- Trees: tests/bench/gentree N writes a tree in the real format with N nodes
  (node 0 a key node; every node the target of an earlier one, so all are
  reachable; every edge goes forward, so all targets exist and every node
  reaches an outcome; choices 2-4 options; ~200-byte English and French
  prose in text, why, messages, tell; folded block scalars like the bundled
  tree). Same arguments, same file. Generated into the build directory.
- Load: wall time from fork to exit of `keywiz --check TREE` (load, index,
  every check, summary), beside tests/bench/yamlfloor TREE: a bare libyaml
  event loop over the same file that builds nothing (the floor). Runs are
  interleaved (check, floor, check, ...); medians. CPU is user+sys from
  wait4(); peak RSS is wait4()'s ru_maxrss. Instructions: callgrind's
  total for the same two commands (insensitive to the machine's load).
  Growth: the median time at 10x the nodes over the median before it.
- First full screen: the program starts in a fresh 80x24 pseudo-terminal
  (TERM=xterm-256color, LANG=C.UTF-8); the screen is painted when it has
  written and then stays silent for 250 ms; the time is that of its last
  byte, from fork. keywiz with the bundled tree (key entry screen), beside
  `dialog --menu` with the nine messages; interleaved; median of %d each.
  keywiz parses and checks the tree's YAML at every start (it keeps no
  compiled copy: issue 18).
- Matching: tests/bench/matchbench links src/libkeywiz.a, loads a
  generated tree of %d nodes whose first 1,000 choice options carry a
  message, runs match_new() over all of them, then times match_rank() on a
  2,000-byte paste (admin-center page text around one message with two
  typos) 101 times; median. It also checks the message ranks first, and
  times a paste of page text only.
- Keystroke: a scripted walk of the bundled tree in the same terminal (25
  key characters, Enter, 6 Down, 2 Up, Enter, Enter, n, n, Enter). For each
  key: CPU time of the process from /proc/PID/schedstat (ns, user+sys)
  around the key and its screen change, bytes written; then Ctrl-L and the
  bytes of that full repaint of the same screen, for comparison.
- Peak RSS of a whole session: the highest VmHWM (/proc/PID/status) seen
  during the same walk (without the Ctrl-L repaints), read after every
  screen and just before the last key; median of %d sessions, beside
  dialog's (the menu, 4 Down, then Enter; median of %d). That is the
  program as built ("linked" above: configure links libyaml, jansson and
  libunistring shared by default, from their static archives with
  --enable-static-deps); the rows below it are the same objects linked
  the other way (tests/bench/keywiz-static or -shared, built by the bench
  only): what loading those three shared libraries costs. Not wait4()'s
  ru_maxrss: that would count the Python driver the terminal was forked
  from. For the same reason the load runs go through tests/bench/runstat.
- Report: tests/bench/genrecords walks calls through the bundled tree
  with the engine and writes each record with the record's own JSON
  writer, plus an agent and a ticket: common answers more often (1/k
  weights), back now and then, a search that matched nothing at the
  error list in 15%% of calls, waits skipped or cut short, 1.5%% of calls
  quit and 0.4%% interrupted at each screen; ~4.5 KiB a record, one file
  each, in the build directory. `keywiz --report --format=csv DIR`
  beside `jq` printing only each record's status and result over the
  same files (find -exec jq {} +, then sort | uniq -c): the cheapest
  script a user would otherwise write. Warm page cache (one run of each
  first), then %d interleaved runs; medians; runstat's wall, CPU and
  peak RSS (jq's: the largest of its processes).
""" % (PAINT_RUNS, MATCH_NODES, RSS_RUNS, RSS_RUNS, REPORT_RUNS)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--srcdir", required=True)
    ap.add_argument("--builddir", required=True)
    ap.add_argument("--out")
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--quick", action="store_true",
                    help="fewer runs (a smoke test)")
    ap.add_argument("--callgrind-max", type=int, default=10000,
                    help="count instructions up to this many nodes")
    ap.add_argument("--only-report", action="store_true",
                    help="only the --report rows")
    ARGS = ap.parse_args()
    ARGS.srcdir = os.path.abspath(ARGS.srcdir)
    ARGS.builddir = os.path.abspath(ARGS.builddir)
    ARGS.bindir = os.path.join(ARGS.builddir, "tests", "bench")
    ARGS.workdir = ARGS.bindir
    ARGS.keywiz = os.path.join(ARGS.builddir, "src", "keywiz")
    out = ARGS.out or os.path.join(ARGS.bindir, "RESULTS")
    if ARGS.quick:
        global PAINT_RUNS
        PAINT_RUNS = 5

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": ARGS.workdir, "TERM": "xterm-256color",
           "LANG": "C.UTF-8",
           "KEYWIZ_PATH": os.path.join(ARGS.srcdir, "wizard"),
           "KEYWIZ_LOCALEDIR": os.path.join(ARGS.builddir, "locale")}
    start = time.time()
    load_before = loadavg()
    info = machine(ARGS.cc)
    if ARGS.only_report:
        row = "%-34s %13s %13s %8s  %-22s %s"
        lines = [row % ("measure", "keywiz", "jq", "ratio", "target", ""),
                 "-" * 100] + report_rows(measure_report(env), row)
        walk = {"steps": []}
    else:
        load = measure_load(env)
        log("matching")
        match = measure_match()
        paint = measure_paint(env)
        walk = measure_walk(env)
        rep = measure_report(env)
        lines = table(load, paint, match, walk, rep)
    print("\n".join(lines))

    head = ["keywiz benchmark results (make bench)", ""]
    head += ["%-9s %s" % (k + ":", v) for k, v in info]
    head += ["date:     %s" % time.strftime("%Y-%m-%d %H:%M %Z"),
             "load avg: %s at the start, %s at the end (%.0f s run)"
             % (load_before, loadavg(), time.time() - start), ""]
    with open(out + ".tmp", "w") as f:
        f.write("\n".join(head) + "\n" + METHOD + "\n" + "\n".join(lines) +
                "\n\nPer keystroke (key: bytes written, full repaint "
                "bytes, CPU ms):\n")
        for s in walk["steps"]:
            f.write("  %-6s %5d B  repaint %s  %s\n" % (
                s["key"], s["bytes"],
                "%5d B" % s["repaint"] if s["repaint"] else "    - ",
                "%.2f ms" % (s["cpu_ns"] / 1e6) if s["cpu_ns"] else "-"))
    os.rename(out + ".tmp", out)
    log("results in %s" % out)


if __name__ == "__main__":
    main()
