#!/usr/bin/env python3
"""Renders assets/icons/rendezvous.svg to PNG icons (48, 128, 256 px) with no library beyond Python.

Only the SVG subset the icon uses is understood: <rect> (x, y, width, height, rx, fill),
<circle> (cx, cy, r, fill or stroke) and <path> with absolute M/L/H/V/C commands, stroked with
round caps and joins. Coverage is computed from exact distances (a one-pixel ramp), which is
enough anti-aliasing for an icon. Anything else in the file is an error, so the PNGs can never
silently differ from the SVG.

  tools/make_icons.py [OUT_DIR [SIZE...]]
      default: assets/icons, sizes 48 128 256; writes OUT_DIR/rendezvous-<SIZE>.png
"""
import math
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SIZES = (48, 128, 256)
NS = "{http://www.w3.org/2000/svg}"


def parse_colour(text, opacity=1.0):
    text = text.strip()
    if not (text.startswith("#") and len(text) == 7):
        raise ValueError(f"colour {text!r}: only #rrggbb is supported")
    return tuple(int(text[i:i + 2], 16) / 255.0 for i in (1, 3, 5)) + (opacity,)


def tokens(d):
    out, num = [], ""
    for ch in d:
        if ch.isalpha():
            if num:
                out.append(float(num))
                num = ""
            out.append(ch)
        elif ch in " ,\n\t":
            if num:
                out.append(float(num))
                num = ""
        elif ch == "-" and num:
            out.append(float(num))
            num = ch
        else:
            num += ch
    if num:
        out.append(float(num))
    return out


def path_points(d):
    """Flattens a path into a polyline (cubic Béziers in 48 steps)."""
    toks, pts, i, cmd = tokens(d), [], 0, None
    x = y = 0.0
    while i < len(toks):
        if isinstance(toks[i], str):
            cmd = toks[i]
            i += 1
        if cmd == "M" or cmd == "L":
            x, y = toks[i], toks[i + 1]
            i += 2
            pts.append((x, y))
        elif cmd == "H":
            x = toks[i]
            i += 1
            pts.append((x, y))
        elif cmd == "V":
            y = toks[i]
            i += 1
            pts.append((x, y))
        elif cmd == "C":
            c1, c2, p = toks[i:i + 2], toks[i + 2:i + 4], toks[i + 4:i + 6]
            i += 6
            for k in range(1, 49):
                t = k / 48.0
                u = 1 - t
                pts.append((u * u * u * x + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * p[0],
                            u * u * u * y + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * p[1]))
            x, y = p
        else:
            raise ValueError(f"path command {cmd!r} is not supported")
    return pts


class Canvas:
    def __init__(self, size, view):
        self.n = size
        self.s = size / view  # pixels per SVG unit
        self.rgba = [[0.0, 0.0, 0.0, 0.0] for _ in range(size * size)]

    def paint(self, dist, colour, bbox):
        """dist(px, py) -> signed distance in SVG units (< 0 inside); composites colour over."""
        x0, y0, x1, y1 = (max(0, int(math.floor(bbox[0] * self.s)) - 1),
                          max(0, int(math.floor(bbox[1] * self.s)) - 1),
                          min(self.n, int(math.ceil(bbox[2] * self.s)) + 1),
                          min(self.n, int(math.ceil(bbox[3] * self.s)) + 1))
        r, g, b, a = colour
        for py in range(y0, y1):
            for px in range(x0, x1):
                d = dist((px + 0.5) / self.s, (py + 0.5) / self.s) * self.s
                cov = min(1.0, max(0.0, 0.5 - d)) * a
                if cov <= 0:
                    continue
                dst = self.rgba[py * self.n + px]
                out_a = cov + dst[3] * (1 - cov)
                for k, c in enumerate((r, g, b)):
                    dst[k] = (c * cov + dst[k] * dst[3] * (1 - cov)) / out_a
                dst[3] = out_a

    def png(self):
        raw = bytearray()
        for y in range(self.n):
            raw.append(0)
            for x in range(self.n):
                p = self.rgba[y * self.n + x]
                raw.extend(int(round(min(1.0, max(0.0, c)) * 255)) for c in p)

        def chunk(kind, data):
            c = struct.pack(">I", len(data)) + kind + data
            return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", self.n, self.n, 8, 6, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def seg_dist(px, py, a, b):
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    l2 = dx * dx + dy * dy
    t = 0.0 if l2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / l2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def render(svg_path, size):
    root = ET.parse(svg_path).getroot()
    vb = [float(v) for v in root.get("viewBox").split()]
    if vb[0] != 0 or vb[1] != 0 or vb[2] != vb[3]:
        raise ValueError("viewBox must be square and start at 0 0")
    cv = Canvas(size, vb[2])
    for el in root:
        tag = el.tag.replace(NS, "")
        fill = el.get("fill", "none")
        stroke = el.get("stroke")
        sw = float(el.get("stroke-width", "1"))
        sop = float(el.get("stroke-opacity", "1"))
        if tag == "rect":
            x, y, w, h = (float(el.get(k)) for k in ("x", "y", "width", "height"))
            rx = float(el.get("rx", "0"))
            cx, cy, hx, hy = x + w / 2, y + h / 2, w / 2 - rx, h / 2 - rx

            def d_rect(px, py, cx=cx, cy=cy, hx=hx, hy=hy, rx=rx):
                qx, qy = abs(px - cx) - hx, abs(py - cy) - hy
                return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - rx

            cv.paint(d_rect, parse_colour(fill), (x, y, x + w, y + h))
        elif tag == "circle":
            cx, cy, r = (float(el.get(k)) for k in ("cx", "cy", "r"))
            if fill != "none":
                cv.paint(lambda px, py, cx=cx, cy=cy, r=r: math.hypot(px - cx, py - cy) - r,
                         parse_colour(fill), (cx - r, cy - r, cx + r, cy + r))
            if stroke:
                e = r + sw / 2
                cv.paint(lambda px, py, cx=cx, cy=cy, r=r: abs(math.hypot(px - cx, py - cy) - r) - sw / 2,
                         parse_colour(stroke, sop), (cx - e, cy - e, cx + e, cy + e))
        elif tag == "path":
            if fill != "none" or not stroke or el.get("stroke-linecap") != "round":
                raise ValueError("paths must be unfilled, stroked, with round caps")
            pts = path_points(el.get("d"))
            half = sw / 2
            # Distance to the whole polyline, painted once (no double blending at the joins).
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]

            def d_path(px, py, pts=pts, half=half):
                return min(seg_dist(px, py, pts[k], pts[k + 1]) for k in range(len(pts) - 1)) - half

            cv.paint(d_path, parse_colour(stroke, sop),
                     (min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half))
        else:
            raise ValueError(f"element <{tag}> is not supported")
    return cv.png()


def main():
    icons = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "icons")
    out = sys.argv[1] if len(sys.argv) > 1 else icons
    sizes = [int(a) for a in sys.argv[2:]] or SIZES
    os.makedirs(out, exist_ok=True)
    for n in sizes:
        with open(os.path.join(out, f"rendezvous-{n}.png"), "wb") as f:
            f.write(render(os.path.join(icons, "rendezvous.svg"), n))
    print(f"make_icons: wrote {', '.join(f'rendezvous-{n}.png' for n in sizes)} to {out}")


if __name__ == "__main__":
    main()
