"""The benchmark's table: figures, ratios (kg / Oxigraph, kg / rdflib) and the issue's bars.

Ratios are of median latencies (below 1: kg is faster) and of queries per second (above 1: kg
serves more). The bars are checked at every size and apply at 10,000 articles; a miss is stated
with its margin, never hidden.
"""

from __future__ import annotations

PEERS = ("oxigraph", "rdflib")
BAR_SIZE = 10_000


def ratio(a: float | None, b: float | None) -> float | None:
    """``a / b`` rounded to two decimals, None when either is missing or ``b`` is zero.

    >>> ratio(3.0, 2.0), ratio(None, 2.0), ratio(1.0, 0)
    (1.5, None, None)
    """
    return round(a / b, 2) if a is not None and b else None


def latency_bar(kg_ms: float | None, oxigraph_ms: float | None) -> bool | None:
    """kg within 1.5x of Oxigraph, or within 2 ms where both are under 5 ms.

    >>> latency_bar(3.9, 2.0), latency_bar(4.5, 2.0), latency_bar(15.0, 10.0), latency_bar(16.0, 10.0)
    (True, False, True, False)
    """
    if kg_ms is None or oxigraph_ms is None:
        return None
    return kg_ms <= 1.5 * oxigraph_ms or (kg_ms < 5 and oxigraph_ms < 5 and kg_ms - oxigraph_ms <= 2)


def check_bars(size: dict) -> list[dict]:
    """Each bar of the issue at one size: its name, whether it is met and by how much."""
    bars = []
    build = size.get("build", {})
    if build.get("articles_per_s") is not None or build.get("timeout"):
        rate = build.get("articles_per_s")
        bars.append({"bar": "build >= 200 articles/s", "met": bool(rate and rate >= 200),
                     "figure": rate if rate is not None else f"timeout after {build.get('seconds')} s"})
    for name, q in size.get("latency", {}).items():
        med = {s: (f["median_ms"] if not f["timeout"] else None) for s, f in q["servers"].items()}
        if q["kind"] != "named" and "oxigraph" in med:
            bars.append({"bar": f"{name}: kg within 1.5x of Oxigraph (or 2 ms under 5 ms)",
                         "met": latency_bar(med.get("kg"), med["oxigraph"]),
                         "figure": ratio(med.get("kg"), med["oxigraph"])})
        if q["kind"] in ("aggregate", "join") and "rdflib" in med:
            timed_out = q["servers"]["rdflib"]["timeout"]
            rdflib_ratio = ratio(med["rdflib"], med.get("kg"))
            if med.get("kg") is None:  # kg timed out too: the bar cannot be judged
                met, figure = None, "both timed out" if timed_out else "kg timed out"
            else:
                met = True if timed_out else (rdflib_ratio is not None and rdflib_ratio >= 5)
                figure = "rdflib timed out" if timed_out else rdflib_ratio
            bars.append({"bar": f"{name}: kg at least 5x faster than rdflib-endpoint", "met": met, "figure": figure})
    for workload, t in size.get("throughput", {}).items():
        if "kg" in t and "oxigraph" in t:
            r = ratio(t["kg"]["qps"], t["oxigraph"]["qps"])
            bars.append({"bar": f"throughput ({workload}): kg >= 0.5x Oxigraph qps", "met": r is not None and r >= 0.5,
                         "figure": r})
    addition = size.get("validation", {}).get("addition", {})
    if "in_context_ms" in addition:
        bars.append({"bar": "one-article addition validated in context < 100 ms",
                     "met": addition["in_context_ms"] < 100, "figure": addition["in_context_ms"]})
    return bars


def fmt(value, digits: int = 1) -> str:
    """A figure for the table: '-' when missing.

    >>> fmt(None), fmt(3.14159), fmt(2, 2), fmt("timeout")
    ('-', '3.1', '2.00', 'timeout')
    """
    if value is None:
        return "-"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.{digits}f}"
    return str(value)


def cell(figures: dict) -> str:
    """median / p95 in ms, or what stopped the measurement."""
    if figures["timeout"]:
        return "timeout"
    if figures["error"]:
        return "error"
    text = f"{fmt(figures['median_ms'], 2)} / {fmt(figures['p95_ms'], 2)}"
    if figures.get("from_warmups"):
        return text + f" ({figures['runs']} warm-up runs)"
    return text + (f" ({figures['runs']} runs)" if figures["capped"] else "")


def restarts_text(server: dict) -> str:
    """How often a server was restarted and how soon each restart answered.

    >>> restarts_text({"restarts": 0}), restarts_text({"restarts": 2, "restart_ready_s": [0.91, 1.2]})
    ('0', '2 (0.9, 1.2)')
    """
    times = server.get("restart_ready_s") or []
    return str(server["restarts"]) + (f" ({', '.join(fmt(t) for t in times)})" if times else "")


def memory_text(memory: dict | None) -> str:
    """RSS / PSS of a server's process plus those of the processes it forked, or '-' when not measured.

    >>> memory_text({"server": {"rss_mib": 900.0, "pss_mib": 500.0},
    ...              "children": [{"rss_mib": 950.0, "pss_mib": 520.5}]})
    '900 + 950 / 500 + 520'
    >>> memory_text(None), memory_text({"error": "gone"})
    ('-', '-')
    """
    if not memory or "server" not in memory:
        return "-"
    processes = [memory["server"], *memory["children"]]
    return " / ".join(" + ".join(fmt(p[key], 0) for p in processes) for key in ("rss_mib", "pss_mib"))


def size_table(n: int, size: dict) -> list[str]:
    """Markdown lines for one corpus size."""
    lines = [f"#### {n:,} articles", ""]
    build = size.get("build", {})
    if build:
        lines += ["| build | seconds | articles/s | peak RSS (MiB) | quads | KiB per quad |", "|---|---|---|---|---|---|",
                  f"| `kg build` end to end | {fmt(build.get('seconds'))}{' (timeout)' if build.get('timeout') else ''} | "
                  f"{fmt(build.get('articles_per_s'))} | {fmt(build.get('peak_rss_mib'))} | {fmt(build.get('quads'), 0)} | "
                  f"{fmt(build.get('peak_rss_kib_per_quad'), 2)} |", ""]
    servers = size.get("servers", {})
    if servers:
        lines += ["| server | load + start (s) | restarts (each ready in s) | RSS / PSS MiB at the end (server + forked) |",
                  "|---|---|---|---|"]
        lines += [f"| {name} | {fmt(s['prepare_s'] + s['ready_s'])} | {restarts_text(s)} | {memory_text(s.get('memory'))} |"
                  for name, s in servers.items()]
        lines.append("")
    latency = size.get("latency", {})
    if latency:
        lines += ["| query (kind) | kg median / p95 ms | Oxigraph | rdflib-endpoint | kg/Oxigraph | kg/rdflib | results |",
                  "|---|---|---|---|---|---|---|"]
        for name, q in latency.items():
            s = q["servers"]
            med = {k: (v["median_ms"] if not v["timeout"] else None) for k, v in s.items()}
            counts = "/".join(fmt(v["results"], 0) for v in s.values())
            lines.append(f"| {name} ({q['kind']}) | " + " | ".join(cell(s[k]) if k in s else "-" for k in ("kg", *PEERS))
                         + f" | {fmt(ratio(med.get('kg'), med.get('oxigraph')), 2)} | {fmt(ratio(med.get('kg'), med.get('rdflib')), 3)}"
                         + f" | {counts}{'' if q['counts_agree'] else ' MISMATCH'} |")
        lines.append("")
    throughput = size.get("throughput", {})
    if throughput:
        lines += ["| throughput, 8 connections | kg qps | Oxigraph qps | rdflib-endpoint qps | kg/Oxigraph | kg/rdflib |",
                  "|---|---|---|---|---|---|"]
        for workload, t in throughput.items():
            q = {k: t[k]["qps"] if k in t else None for k in ("kg", *PEERS)}
            lines.append(f"| {workload} ({t['kg']['generator'] if 'kg' in t else '?'}) | {fmt(q['kg'])} | {fmt(q['oxigraph'])} | "
                         f"{fmt(q['rdflib'])} | {fmt(ratio(q['kg'], q['oxigraph']), 2)} | {fmt(ratio(q['kg'], q['rdflib']), 2)} |")
        lines.append("")
    validation = size.get("validation", {})
    if validation:
        full, add = validation.get("full", {}), validation.get("addition", {})
        full_text = f"timeout (> {full['limit_s']:.0f} s)" if full.get("timeout") else (
            f"{fmt(full.get('validate_s'), 2)} s (+ {fmt(full.get('load_s'), 2)} s load)" if "validate_s" in full else "error")
        lines += ["| validation | time |", "|---|---|", f"| full dataset | {full_text} |"]
        if "in_context_ms" in add:
            lines += [f"| one-article addition in context ({add['adds']} quads added, {add['removes']} removed) | "
                      f"{fmt(add['in_context_ms'])} ms (plan: {fmt(add['plan_s'] * 1000)} ms) |",
                      f"| the same quads alone | {fmt(add['alone_ms'])} ms |"]
        else:
            why = ("timeout" if add.get("timeout") else
                   f"stopped after {add['seconds']:.0f} s" if "seconds" in add else "error")
            lines.append(f"| one-article addition in context | {why} |")
        lines.append("")
    bars = size.get("bars", [])
    if bars:
        lines += ["| bar" + (" (applies at 10,000)" if n != BAR_SIZE else "") + " | met | figure |", "|---|---|---|"]
        lines += [f"| {b['bar']} | {'yes' if b['met'] else ('n/a' if b['met'] is None else '**no**')} | {fmt(b['figure'], 2)} |"
                  for b in bars]
        lines.append("")
    return lines


def render(results: dict) -> str:
    """The whole table in Markdown: the machine, then each size."""
    machine = results["machine"]
    lines = [f"Machine: {machine['cpus']} CPUs ({machine['cpu_model']}), {machine['ram_gib']} GiB RAM, "
             f"Python {machine['python']}; kg {results['kg_commit']}; {results['started']}.", ""]
    for n, size in results["sizes"].items():
        lines += size_table(int(n), size)
    if len(results["sizes"]) > 1:
        lines += memory_growth(results)
    return "\n".join(lines)


def memory_growth(results: dict) -> list[str]:
    """Peak build memory against data size between the smallest and largest built sizes."""
    built = [(int(n), s["build"]) for n, s in results["sizes"].items() if s.get("build", {}).get("ok")]
    if len(built) < 2:
        return []
    (n0, b0), (n1, b1) = built[0], built[-1]
    data, memory = b1["quads"] / b0["quads"], b1["peak_rss_mib"] / b0["peak_rss_mib"]
    verdict = "no faster than the data" if memory <= data else "**faster than the data**"
    return [f"Build memory from {n0:,} to {n1:,} articles: data x{data:.1f}, peak RSS x{memory:.1f} ({verdict}).", ""]


def merge(paths: list) -> dict:
    """One results document from several runs (e.g. one per size): the first's machine, all sizes."""
    import json
    from pathlib import Path

    runs = [json.loads(Path(p).read_text()) for p in paths]
    merged = {**runs[0], "sizes": {}}
    for run in runs:
        merged["sizes"].update(run["sizes"])
    merged["runs"] = [{"started": r["started"], "kg_commit": r["kg_commit"], "settings": r["settings"],
                       "sizes": list(r["sizes"])} for r in runs]
    return merged


if __name__ == "__main__":
    import argparse
    import json
    import sys
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m bench.report", description="Print the table of results files.")
    parser.add_argument("results", nargs="+", type=Path, help="JSON files written by python -m bench")
    parser.add_argument("-o", "--output", type=Path, help="also write the merged results as JSON here")
    args = parser.parse_args()
    results = merge(args.results)
    for size in results["sizes"].values():
        size["bars"] = check_bars(size)
    if args.output:
        args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(render(results))
    sys.exit(0)
