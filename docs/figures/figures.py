"""Writes docs/figures/phases.svg and docs/figures/propagation.svg from measurements printed in the docs.

phases.svg:      the dev.flux.shutdown.Trigger / Phase / Drain events of the JFR recording in observability.md.
propagation.svg: the rows of the two rehearsal tables (TCP proxy, HTTP proxy) under "A pod deletion replayed" in
                 proof.md: failed requests = non-2xx + socket errors, per propagation delay, baseline and library.
"""
import re
import sys
from pathlib import Path

DOCS = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent).resolve()
FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"'
COLOURS = {"PREPARING": "#4e79a7", "DRAINING": "#f28e2b", "CLEANING": "#59a14f", "PERSISTING": "#b07aa1",
           "EXITING": "#e15759"}


def seconds(clock):
    h, m, s = clock.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def millis(duration):
    value, unit = duration.split()
    return float(value) * {"ms": 1, "s": 1000, "us": 0.001, "ns": 0.000001}[unit]


def jfr_events(text):
    block = re.search(r"```\n(dev\.flux\.shutdown\.Trigger \{.*?)```", text, re.S)
    if not block:
        sys.exit("no JFR recording (dev.flux.shutdown.Trigger ...) in observability.md")
    events = []
    for name, body in re.findall(r"dev\.flux\.shutdown\.(\w+) \{(.*?)\n\}", block.group(1), re.S):
        fields = dict(re.findall(r"^\s*(\w+) = (.*)$", body, re.M))
        events.append((name, {k: v.strip('"') for k, v in fields.items()}))
    return events


def phases_svg():
    events = jfr_events((DOCS / "observability.md").read_text())
    trigger = next(f for n, f in events if n == "Trigger")
    t0 = seconds(trigger["startTime"])
    phases = [(f["phase"], (seconds(f["startTime"]) - t0) * 1000, millis(f["duration"]))
              for n, f in events if n == "Phase"]
    phases.sort(key=lambda p: p[1])
    drain = next((f for n, f in events if n == "Drain"), None)
    end = max(start + length for _, start, length in phases)
    width, left, right, top, row = 760, 120, 40, 40, 34
    scale = (width - left - right) / end
    height = top + row * len(phases) + 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" {FONT} font-size="13">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="22" font-size="14" font-weight="bold">One shutdown, from SIGTERM to exit (JFR events, ms since the trigger)</text>']
    for i, (phase, start, length) in enumerate(phases):
        y = top + i * row
        x = left + start * scale
        w = max(length * scale, 2)
        out.append(f'<text x="{left - 8}" y="{y + 20}" text-anchor="end">{phase}</text>')
        out.append(f'<rect x="{x:.1f}" y="{y + 6}" width="{w:.1f}" height="20" fill="{COLOURS.get(phase, "#888")}"/>')
        label = f"{length:.0f} ms" if length >= 10 else f"{length:.2f} ms"
        if phase == "DRAINING" and drain:
            label += f' ({drain["inFlightAtStart"]} requests in flight at its start)'
        inside = w > 7 * len(label)
        lx = x + 6 if inside else x + w + 6
        anchor = "start"
        if not inside and lx + 7 * len(label) > width:
            lx, anchor = x - 6, "end"
        colour = "white" if inside else "black"
        out.append(f'<text x="{lx:.1f}" y="{y + 20}" fill="{colour}" text-anchor="{anchor}">{label}</text>')
    axis_y = top + row * len(phases) + 10
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="black"/>')
    step = 250 if end <= 3000 else 1000
    t = 0
    while t <= end:
        x = left + t * scale
        out.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="black"/>')
        out.append(f'<text x="{x:.1f}" y="{axis_y + 20}" text-anchor="middle" font-size="11">{t}</text>')
        t += step
    out.append(f'<text x="{width - right}" y="{axis_y + 38}" text-anchor="end" font-size="11">ms since SIGTERM</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def rehearsal_tables(text):
    section = text.split("## A pod deletion replayed", 1)[1].split("\n## ", 1)[0]
    tables, current = [], []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if cells and re.match(r"^[\d.]+ s$", cells[0]):
            delay = float(cells[0].split()[0])
            mode = cells[1]
            non2xx = int(re.match(r"[*]*(\d+)", cells[3]).group(1))
            errors = sum(int(n) for n in cells[4].strip("*").split("/"))
            current.append((delay, mode, non2xx + errors))
        elif current and not cells:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    if len(tables) < 2:
        sys.exit("expected two rehearsal tables (TCP and HTTP proxy) in proof.md")
    return tables[:2]


def propagation_svg():
    tcp, http = rehearsal_tables((DOCS / "proof.md").read_text())
    series = [("without the library, TCP proxy (kube-proxy)", "#e15759", "6 3", [r for r in tcp if r[1] == "baseline"]),
              ("without the library, HTTP proxy (ingress)", "#e15759", "", [r for r in http if r[1] == "baseline"]),
              ("with the library, both proxies", "#4e79a7", "", [r for r in tcp + http if r[1] == "library"])]
    top_value = max(r[2] for _, _, _, rows in series for r in rows)
    top_value = ((top_value // 50000) + 1) * 50000
    max_delay = max(r[0] for r in tcp + http)
    width, height, left, right, top, bottom = 760, 380, 90, 30, 40, 60
    sx = (width - left - right) / max_delay
    sy = (height - top - bottom) / top_value
    X = lambda d: left + d * sx
    Y = lambda v: height - bottom - v * sy
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" {FONT} font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="22" font-size="14" font-weight="bold">Requests lost in one pod deletion, against endpoint propagation delay</text>']
    v = 0
    while v <= top_value:
        out.append(f'<line x1="{left}" y1="{Y(v):.1f}" x2="{width - right}" y2="{Y(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:,}</text>')
        v += 50000
    for d in sorted({r[0] for r in tcp + http}):
        out.append(f'<text x="{X(d):.1f}" y="{height - bottom + 16}" text-anchor="middle">{d:g} s</text>')
    out.append(f'<line x1="{left}" y1="{Y(0):.1f}" x2="{width - right}" y2="{Y(0):.1f}" stroke="black"/>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - bottom + 34}" text-anchor="middle">propagation delay D (SIGTERM to the proxy no longer routing to the pod)</text>')
    out.append(f'<text transform="translate(18 {(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle">failed requests and connection attempts</text>')
    for i, (label, colour, dash, rows) in enumerate(series):
        points = {}
        for d, _, lost in rows:
            points[d] = max(points.get(d, 0), lost)
        path = " ".join(f"{X(d):.1f},{Y(points[d]):.1f}" for d in sorted(points))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        below = "TCP" in label
        for d in sorted(points):
            out.append(f'<circle cx="{X(d):.1f}" cy="{Y(points[d]):.1f}" r="4" fill="{colour}"/>')
            if points[d]:
                x, y = (X(d) + 8, Y(points[d]) + 16) if below else (X(d) - 8, Y(points[d]) - 8)
                anchor = "start" if below else "end"
                if x > width - right - 40:
                    x, anchor = X(d) - 8, "end"
                out.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="11">{points[d]:,}</text>')
            elif d == max(points):
                out.append(f'<text x="{X(d) - 8:.1f}" y="{Y(0) - 8:.1f}" text-anchor="end" font-size="11">0 at every delay</text>')
        ly = top + 18 + 18 * i
        lx = left + 20
        out.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 24}" y2="{ly}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        out.append(f'<text x="{lx + 30}" y="{ly + 4}" font-size="11">{label}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    figures = DOCS / "figures"
    (figures / "phases.svg").write_text(phases_svg())
    (figures / "propagation.svg").write_text(propagation_svg())
    print(f"wrote {figures / 'phases.svg'} and {figures / 'propagation.svg'}")


if __name__ == "__main__":
    main()
