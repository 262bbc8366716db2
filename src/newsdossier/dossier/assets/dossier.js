// newsdossier: the HTML dossier's viewer (inlined into dossier.html). It reads the dossier from the page's
// <script type="application/json" id="dossier-data">, builds every view with DOM calls (text is always set as
// text, never parsed as HTML), renders a tab only when it is first opened and pages long lists, and asks
// the network for nothing.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("dossier-data").textContent);
  const MAP = JSON.parse(document.getElementById("world-map").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const PAGE = 50;
  const articles = new Map(DATA.articles.map((a) => [a.id, a]));

  // An article's address as a link only when it is http(s): "javascript:", "data:" and the rest stay text.
  function webAddress(value) {
    try {
      const url = new URL(String(value));
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "onclick") node.addEventListener("click", value);
      else if (key === "href" || key === "src") { const url = webAddress(value); if (url) node.setAttribute(key, url); }
      else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "onclick") node.addEventListener("click", value);
      else if (key === "title") node.append(Object.assign(document.createElementNS(SVG, "title"), { textContent: String(value) }));
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) if (child) node.append(child);
    return node;
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;
  function title(id) {
    const a = articles.get(id);
    return a ? `${a.title || "(no headline)"} — ${a.outlet || "outlet unknown"}` : id;
  }

  // -- the reader: an article with one passage marked --------------------------------------------
  const reader = document.getElementById("reader");
  function openArticle(id, start, end) {
    const a = articles.get(id);
    if (!a) return;
    reader.replaceChildren();
    reader.hidden = false;
    document.querySelector("main").classList.remove("single");
    const text = a.text || "";
    const body = el("div", { class: "text", id: "reader-text" });
    // offsets count characters (code points), as Python does; JavaScript strings count UTF-16 units
    const chars = Array.from(text);
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= chars.length && start < end) {
      body.append(chars.slice(0, start).join(""), el("mark", { id: "passage" }, chars.slice(start, end).join("")),
        chars.slice(end).join(""));
    } else {
      body.append(text);
    }
    reader.append(...[
      el("button", { class: "fact", onclick: () => { reader.hidden = true; document.querySelector("main").classList.add("single"); } }, "close ×"),
      el("h2", {}, a.title || "(no headline)"),
      el("div", { class: "muted" }, [a.outlet || "outlet unknown", a.published || "date unknown", a.status,
        a.family ? `family ${a.family}` : null, a.story ? `story ${a.story}` : null, a.id].filter(Boolean).join(" · ")),
      a.url ? el("div", { class: "muted" }, webAddress(a.url)
        ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank", class: "source-url" }, a.url) : a.url) : null,
      body].filter(Boolean));
    const mark = document.getElementById("passage");
    if (mark) mark.scrollIntoView({ block: "center" });
    else reader.scrollTop = 0;
  }
  const cite = (label, id, start, end) =>
    el("button", { class: "fact", "data-article": id, "data-start": start, "data-end": end, onclick: () => openArticle(id, start, end) }, label);

  // -- paged tables ---------------------------------------------------------------------------------
  function pagedTable(container, rows, columns, onRow) {
    let page = 0;
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const table = el("table", {}, el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c[0])))));
    const tbody = el("tbody");
    const info = el("span");
    const prev = el("button", { onclick: () => { if (page > 0) { page--; draw(); } } }, "‹ previous");
    const next = el("button", { onclick: () => { if (page < pages - 1) { page++; draw(); } } }, "next ›");
    function draw() {
      tbody.replaceChildren(...rows.slice(page * PAGE, (page + 1) * PAGE).map((row) =>
        el("tr", onRow ? { class: "clickable", onclick: () => onRow(row) } : {}, columns.map((c) => el("td", {}, c[1](row))))));
      info.textContent = `${rows.length ? page * PAGE + 1 : 0}–${Math.min(rows.length, (page + 1) * PAGE)} of ${rows.length}`;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    table.append(tbody);
    container.append(el("div", { class: "pager" }, prev, info, next), table);
    draw();
  }

  // -- the views ----------------------------------------------------------------------------------------
  function dayOf(value) { return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null; }
  function dayNumber(day) { return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 864e5; }

  function storyChart(story) {
    const days = story.articles.map((id) => dayOf((articles.get(id) || {}).published)).filter(Boolean);
    const events = DATA.events.filter((e) => e.story === story.id && dayOf(e.date_first));
    const all = days.concat(events.map((e) => dayOf(e.date_first)));
    if (!all.length) return el("div", { class: "muted" }, "no dated articles or events");
    const first = Math.min(...all.map(dayNumber)), last = Math.max(...all.map(dayNumber));
    const span = Math.max(1, last - first + 1), width = 600, height = 90, step = width / span;
    const counts = new Map();
    for (const day of days) counts.set(day, (counts.get(day) || 0) + 1);
    const most = Math.max(1, ...counts.values());
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height + 30}`, class: "story-chart", role: "img",
      "aria-label": `articles per day and events of ${story.title || story.id}` });
    for (const [day, n] of counts) {
      const h = (n / most) * (height - 20);
      chart.append(svg("rect", { class: "bar", x: (dayNumber(day) - first) * step + step * 0.1, y: height - h, width: Math.max(2, step * 0.8), height: h,
        title: `${day}: ${plural(n, "article")}` }));
    }
    for (const e of events) {
      const mention = e.mentions[0] || {};
      chart.append(svg("circle", { class: "event", cx: (dayNumber(dayOf(e.date_first)) - first) * step + step / 2, cy: height + 10, r: 5,
        title: `${e.date} ${e.type}: ${e.summary}`, onclick: () => openArticle(mention.article, mention.start, mention.end) }));
    }
    chart.append(svg("text", { x: 0, y: height + 28 }, document.createTextNode(new Date(first * 864e5).toISOString().slice(0, 10))));
    chart.append(svg("text", { x: width - 60, y: height + 28 }, document.createTextNode(new Date(last * 864e5).toISOString().slice(0, 10))));
    return chart;
  }

  const views = {
    stories(container) {
      container.append(el("h2", {}, `Stories (${DATA.stories.length})`),
        el("p", { class: "muted" }, "Per story: articles per day (bars) and its dated events (red dots; click one to read it)."));
      const list = el("div");
      let shown = 0;
      const more = el("button", { onclick: () => draw() }, "more stories");
      function draw() {
        for (const story of DATA.stories.slice(shown, shown + 20)) {
          list.append(el("div", { class: "card story", "data-story": story.id },
            el("h3", {}, story.title || story.id),
            el("div", { class: "muted" }, `${story.id} · ${plural(story.articles.length, "article")} from ${plural(story.independent_families, "independent family", "independent families")} · ${[story.first, story.last].filter(Boolean).join(" to ") || "undated"}`),
            storyChart(story),
            el("div", {}, story.articles.slice(0, 12).map((id) => el("div", {}, cite(title(id), id))))));
        }
        shown += 20;
        more.hidden = shown >= DATA.stories.length;
      }
      container.append(list, more);
      draw();
    },
    events(container) {
      container.append(el("h2", {}, `Events (${DATA.events.length})`),
        el("p", { class: "muted" }, "Each real event once; click a row to read its first report with the passage marked."));
      pagedTable(container, DATA.events, [
        ["date", (e) => e.date || (e.date_basis === "unresolved" ? `unknown (\u201c${e.date_text}\u201d)` : "unknown")],
        ["type", (e) => e.type],
        ["what", (e) => e.summary], ["who", (e) => (e.actor_names || []).join(", ") + ((e.target_names || []).length ? " → " + e.target_names.join(", ") : "")],
        ["where", (e) => (e.place && (e.place.geonames_name || e.place.name)) || ""],
        ["sources", (e) => `${plural(new Set(e.mentions.map((m) => m.article)).size, "article")}, ${e.independent_families} independent`],
      ], (e) => { const m = e.mentions[0]; if (m) openArticle(m.article, m.sentence_start ?? m.start, m.sentence_end ?? m.end); });
    },
    timeline(container) {
      container.append(el("h2", {}, `Timeline (${DATA.timeline.length})`),
        el("p", { class: "muted" }, "Dated events and the dated sentences no event covers, by story and date. A sentence that only " +
          "expects, intends or thinks the thing possible says so under “how”, with the word that hedges it; one that says it did " +
          "not, or only would have, happened is left out. Click a row to read it in its article."));
      const stories = new Map(DATA.stories.map((s) => [s.id, s.title || s.id]));
      pagedTable(container, DATA.timeline, [
        ["date", (t) => t.date], ["story", (t) => (t.story && stories.get(t.story)) || t.story || ""],
        ["what", (t) => (t.event ? `${t.type}: ` : "") + t.text],
        ["how", (t) => !t.modality || t.modality === "asserted" || t.modality === "unknown" ? ""
          : el("span", { class: "badge hedge" }, t.modality_cue ? `${t.modality}: “${t.modality_cue}”` : t.modality)],
        ["sources", (t) => `${plural(new Set(t.sources.map((s) => s.article)).size, "article")}, ${t.independent_families} independent`],
      ], (t) => { const s = t.sources[0]; if (s) openArticle(s.article, s.start, s.end); });
    },
    copies(container) {
      container.append(el("h2", {}, `Who copied whom (${DATA.reuse.length} links, ${DATA.families.length} independent families)`));
      const linked = [...new Set(DATA.reuse.flatMap((l) => [l.source, l.target]))].slice(0, 300);
      if (linked.length) {
        const families = [...new Set(linked.map((id) => (articles.get(id) || {}).family || id))];
        const column = new Map(families.map((f, i) => [f, i]));
        const rows = new Map(), position = new Map();
        for (const id of linked) {
          const f = column.get((articles.get(id) || {}).family || id);
          const row = rows.get(f) || 0;
          rows.set(f, row + 1);
          position.set(id, [40 + f * 110, 30 + row * 34]);
        }
        const width = 80 + families.length * 110, height = 60 + Math.max(...rows.values()) * 34;
        const colour = { verbatim: "#1f77b4", excerpt: "#2ca02c", spun: "#d62728" };
        const graph = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "copy-graph", role: "img", "aria-label": "copy graph" },
          svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto" },
            svg("path", { d: "M0,0L10,5L0,10z", fill: "#555" }))));
        for (const link of DATA.reuse) {
          const a = position.get(link.source), b = position.get(link.target);
          if (!a || !b) continue;
          graph.append(svg("path", { class: `edge ${link.relation}`, d: `M${a[0]},${a[1]}L${b[0]},${b[1]}`, stroke: colour[link.relation] || "#777",
            "marker-end": link.direction_known ? "url(#arrow)" : "", title: `${link.relation} (${link.score}): ${link.evidence}; ${link.direction_evidence}` }));
        }
        for (const [id, [x, y]] of position) {
          graph.append(svg("circle", { class: "node", cx: x, cy: y, r: 7, "data-article": id, title: title(id), onclick: () => openArticle(id) }));
        }
        container.append(graph, el("p", { class: "muted" }, "Columns are independent families; blue verbatim, green excerpt, red spun; an arrow where the direction is known."));
      }
      pagedTable(container, DATA.reuse, [
        ["relation", (l) => el("span", { class: `badge ${l.relation}` }, l.relation)],
        ["source", (l) => cite(title(l.source), l.source)], ["copy", (l) => cite(title(l.target), l.target)],
        ["evidence", (l) => `${l.evidence}; ${l.direction_evidence}`],
      ]);
    },
    map(container) {
      const resolved = DATA.places.filter((p) => p.resolved && p.lat !== null && p.lon !== null);
      container.append(el("h2", {}, `Places (${resolved.length} placed)`),
        el("p", { class: "muted" }, "Circles by how often a place is named; click one for its mentions. Country outlines: Natural Earth (public domain)."));
      const named = new Set(resolved.map((p) => p.country));
      const map = svg("svg", { viewBox: MAP.viewBox, class: "world-map", role: "img", "aria-label": "map of places" });
      for (const c of MAP.countries) map.append(svg("path", { class: `country${named.has(c.iso) ? " named" : ""}`, d: c.d, title: c.name }));
      const detail = el("div");
      for (const p of resolved) {
        const r = Math.min(12, 2 + Math.sqrt(p.mention_count));
        map.append(svg("circle", { class: "place", cx: 2 * (p.lon + 180), cy: 2 * (90 - p.lat), r, "data-place": p.id,
          title: `${p.name} (${p.precision}): ${plural(p.mention_count, "mention")}`,
          onclick: () => { detail.replaceChildren(el("h3", {}, `${p.name} · ${p.precision} · ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`),
            ...p.mentions.slice(0, 40).map((m) => el("div", {}, cite(`“${m.text}” in ${title(m.article)}`, m.article, m.start, m.end)))); } }));
      }
      container.append(map, detail);
      pagedTable(container, DATA.places, [
        ["place", (p) => p.name], ["where", (p) => p.resolved ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)} (${p.precision})` : `unresolved: ${p.why}`],
        ["mentions", (p) => p.mention_count], ["articles", (p) => p.articles.length],
      ], (p) => { const m = p.mentions[0]; if (m) openArticle(m.article, m.start, m.end); });
    },
    actors(container) {
      container.append(el("h2", {}, `Actors (${DATA.entities.length})`),
        el("p", { class: "muted" }, "Every spelling merged; click a row to read the first mention."));
      pagedTable(container, DATA.entities, [
        ["name", (e) => e.name], ["type", (e) => e.type], ["also written", (e) => (e.aliases || []).join(", ")],
        ["roles", (e) => [...new Set((e.roles || []).map((r) => r.role))].join(", ")],
        ["mentions", (e) => e.mention_count], ["independent", (e) => e.independent_families],
      ], (e) => { const m = e.mentions[0]; if (m) openArticle(m.article, m.start, m.end); });
    },
    quotes(container) {
      container.append(el("h2", {}, `Who said what (${DATA.quotes.length} quotes)`));
      const bySpeaker = new Map();
      for (const q of DATA.quotes) {
        const who = q.speaker_name || q.speaker_text || "unattributed";
        if (!bySpeaker.has(who)) bySpeaker.set(who, []);
        bySpeaker.get(who).push(q);
      }
      const speakers = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length);
      const list = el("div");
      let shown = 0;
      const more = el("button", { onclick: () => draw() }, "more speakers");
      function draw() {
        for (const [who, quotes] of speakers.slice(shown, shown + 25)) {
          list.append(el("div", { class: "card speaker" }, el("h3", {}, `${who} (${quotes.length})`),
            quotes.slice(0, 20).map((q) => el("div", { class: "quote" },
              el("button", { class: "fact quote-text", "data-article": q.article, "data-start": q.start, "data-end": q.end,
                onclick: () => openArticle(q.article, q.start, q.end) }, q.direct ? `“${q.text}”` : q.text),
              el("div", { class: "muted" }, `${q.cue || ""} · ${title(q.article)} · ${plural(q.independent_families, "independent family", "independent families")}`)))));
        }
        shown += 25;
        more.hidden = shown >= speakers.length;
      }
      container.append(list, more);
      draw();
    },
    articles(container) {
      container.append(el("h2", {}, `Articles (${DATA.articles.length})`));
      pagedTable(container, DATA.articles, [
        ["headline", (a) => a.title || "(no headline)"], ["outlet", (a) => a.outlet || ""], ["published", (a) => a.published || ""],
        ["status", (a) => a.status], ["family", (a) => a.family || ""], ["story", (a) => a.story || ""],
      ], (a) => openArticle(a.id));
    },
  };

  // -- tabs -------------------------------------------------------------------------------------------
  const rendered = new Set();
  function show(name) {
    for (const button of document.querySelectorAll("nav button")) button.setAttribute("aria-selected", String(button.dataset.tab === name));
    for (const section of document.querySelectorAll("section.tab")) section.hidden = section.id !== `tab-${name}`;
    if (!rendered.has(name)) { rendered.add(name); views[name](document.getElementById(`tab-${name}`)); }
  }
  for (const button of document.querySelectorAll("nav button")) button.addEventListener("click", () => show(button.dataset.tab));
  window.newsdossier = { show, openArticle };
  show("stories");
})();
