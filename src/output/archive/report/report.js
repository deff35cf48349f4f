"use strict";
// statements report: draws the page from the JSON blocks above. Story text is only ever set
// with textContent (or as SVG text nodes), never parsed as markup.
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const summary = read("summary-data");
  const stories = read("stories-data");
  const quotes = read("quotes-data");
  const MAX_ROWS = 500;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function row(cells, numeric) {
    const tr = document.createElement("tr");
    cells.forEach((c, i) => tr.appendChild(el("td", c, numeric && numeric.includes(i) ? "num" : "")));
    return tr;
  }

  function counts() {
    const box = document.getElementById("counts");
    const c = summary.counts;
    [["stories", c.stories], ["statements", c.statements], ["speakers", c.speakers],
     ["events", c.events], ["agencies", c.agencies]].forEach(([name, n]) => {
      const card = el("div", null, "card");
      const b = el("b", n.toLocaleString("en"));
      b.id = "count-" + name;
      b.dataset.value = String(n);
      card.appendChild(b);
      card.appendChild(el("span", name));
      box.appendChild(card);
    });
  }

  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf"];
  function colour(type) {
    const i = summary.types.indexOf(type);
    return i < 0 ? "#999" : PALETTE[i % PALETTE.length];
  }

  function timeline() {
    const box = document.getElementById("timeline");
    const months = summary.months;
    if (!months.length) { box.appendChild(el("p", "No dated events.", "note")); return; }
    const barW = Math.max(4, Math.min(24, Math.floor(1100 / months.length)));
    const H = 220, top = 10, bottom = 40, left = 40;
    const max = Math.max(...months.map((m) => m[2]));
    const width = left + months.length * barW + 20;
    const s = svg("svg", { width: width, height: H, role: "img" });
    s.appendChild(svg("line", { x1: left, y1: H - bottom, x2: width, y2: H - bottom, stroke: "#888" }));
    const label = svg("text", { x: 2, y: top + 8 });
    label.textContent = String(max);
    s.appendChild(label);
    const every = Math.max(1, Math.ceil(56 / barW));
    months.forEach(([month, types, total], i) => {
      let y = H - bottom;
      const x = left + i * barW;
      Object.keys(types).sort().forEach((t) => {
        const h = (types[t] / max) * (H - top - bottom);
        y -= h;
        const r = svg("rect", { x: x, y: y, width: barW - 1, height: Math.max(h, 0.5), fill: colour(t) });
        const tip = svg("title", {});
        tip.textContent = month + " " + t + ": " + types[t];
        r.appendChild(tip);
        s.appendChild(r);
      });
      if (i % every === 0) {
        const t = svg("text", { x: x, y: H - bottom + 14 });
        t.textContent = month;
        s.appendChild(t);
      }
      const tip = svg("title", {});
      tip.textContent = month + ": " + total + " events";
      s.lastChild.appendChild(tip);
    });
    let lx = left;
    summary.types.forEach((t) => {
      s.appendChild(svg("rect", { x: lx, y: H - 14, width: 9, height: 9, fill: colour(t) }));
      const name = svg("text", { x: lx + 12, y: H - 6 });
      name.textContent = t;
      s.appendChild(name);
      lx += 14 + 7 * t.length;
    });
    s.setAttribute("width", Math.max(width, lx));
    box.appendChild(s);
  }

  // A small force layout (Fruchterman-Reingold), started from a circle so the page is the
  // same at every load.
  function layout(n, edges, W, H) {
    const pos = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / Math.max(n, 1);
      pos.push([W / 2 + (W / 3) * Math.cos(a), H / 2 + (H / 3) * Math.sin(a)]);
    }
    const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.5;
    for (let step = 0, temp = W / 10; step < 200; step++, temp *= 0.97) {
      const d = pos.map(() => [0, 0]);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        if (dist > 3 * k) continue; // only near nodes push apart (the grid variant)
        const f = (k * k) / dist;
        d[i][0] += (dx / dist) * f; d[i][1] += (dy / dist) * f;
        d[j][0] -= (dx / dist) * f; d[j][1] -= (dy / dist) * f;
      }
      edges.forEach(([a, b]) => {
        const dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
        const dist = Math.max(Math.hypot(dx, dy), 0.01), f = (dist * dist) / k;
        d[a][0] -= (dx / dist) * f; d[a][1] -= (dy / dist) * f;
        d[b][0] += (dx / dist) * f; d[b][1] += (dy / dist) * f;
      });
      for (let i = 0; i < n; i++) {
        // gravity keeps the parts that are not linked to one another near the middle
        d[i][0] += (W / 2 - pos[i][0]) * 0.1;
        d[i][1] += (H / 2 - pos[i][1]) * 0.1;
        const len = Math.max(Math.hypot(d[i][0], d[i][1]), 0.01), m = Math.min(len, temp);
        pos[i][0] = Math.min(W - 60, Math.max(60, pos[i][0] + (d[i][0] / len) * m));
        pos[i][1] = Math.min(H - 20, Math.max(20, pos[i][1] + (d[i][1] / len) * m));
      }
    }
    return pos;
  }

  function network() {
    const box = document.getElementById("network");
    const nodes = summary.network.nodes, edges = summary.network.edges;
    if (!nodes.length) { box.appendChild(el("p", "No events or statements between speakers.", "note")); return; }
    const W = 1100, H = 560;
    const pos = layout(nodes.length, edges, W, H);
    const s = svg("svg", { width: W, height: H, role: "img" });
    const defs = svg("defs", {});
    const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto" });
    marker.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8a94a0" }));
    defs.appendChild(marker);
    s.appendChild(defs);
    edges.forEach(([a, b, type, count, directed]) => {
      const line = svg("line", { x1: pos[a][0], y1: pos[a][1], x2: pos[b][0], y2: pos[b][1],
        stroke: type === "STATEMENT" ? "#c4c9cf" : colour(type), "stroke-width": Math.min(1 + Math.log2(count), 6), opacity: 0.8 });
      if (directed) line.setAttribute("marker-end", "url(#arrow)");
      const tip = svg("title", {});
      tip.textContent = nodes[a][1] + " → " + nodes[b][1] + ": " + type + " ×" + count;
      line.appendChild(tip);
      s.appendChild(line);
    });
    nodes.forEach(([key, label, country, degree], i) => {
      const c = svg("circle", { cx: pos[i][0], cy: pos[i][1], r: 3 + Math.min(Math.sqrt(degree), 8), fill: "#4e79a7" });
      const tip = svg("title", {});
      tip.textContent = label + (country ? " (" + country + ")" : "") + ": " + degree + " links";
      c.appendChild(tip);
      s.appendChild(c);
      const t = svg("text", { x: pos[i][0] + 8, y: pos[i][1] + 3 });
      t.textContent = label + (country ? " · " + country : "");
      s.appendChild(t);
    });
    box.appendChild(s);
  }

  function storyCell(index) {
    const story = stories[index];
    const td = document.createElement("td");
    if (!story) return td;
    const [name, link] = story;
    if (link) {
      const a = el("a", name);
      a.setAttribute("href", link);
      td.appendChild(a);
    } else {
      td.textContent = name;
    }
    return td;
  }

  function statements() {
    const select = document.getElementById("speaker");
    select.appendChild(el("option", "all speakers")).value = "";
    summary.speakers.forEach(([key, name, country, n]) => {
      const o = el("option", name + (country ? " (" + country + ")" : "") + " · " + n);
      o.value = key;
      select.appendChild(o);
    });
    const kind = document.getElementById("kind"), words = document.getElementById("words");
    const body = document.querySelector("#quotes-table tbody"), shown = document.getElementById("shown");
    function draw() {
      const key = select.value, k = kind.value;
      const w = words.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      const rows = [];
      let matching = 0;
      for (const q of quotes) {
        if (key && q[1] !== key) continue;
        if (k && q[3] !== k) continue;
        if (w.length) {
          const t = q[4].toLowerCase();
          if (!w.every((x) => t.includes(x))) continue;
        }
        matching++;
        if (rows.length < MAX_ROWS) rows.push(q);
      }
      body.replaceChildren();
      rows.forEach(([story, , speaker, qkind, text]) => {
        const s = stories[story] || [];
        const tr = document.createElement("tr");
        tr.appendChild(el("td", s[3] || ""));
        tr.appendChild(el("td", speaker || "(unattributed)"));
        tr.appendChild(el("td", qkind));
        tr.appendChild(el("td", text, "text"));
        tr.appendChild(storyCell(story));
        tr.appendChild(el("td", s[2] || ""));
        body.appendChild(tr);
      });
      shown.textContent = matching > rows.length
        ? "showing " + rows.length + " of " + matching + " statements"
        : matching + " statements";
      shown.dataset.matching = String(matching);
    }
    select.addEventListener("change", draw);
    kind.addEventListener("change", draw);
    words.addEventListener("input", draw);
    draw();
  }

  function tables() {
    const fill = (id, rows, numeric) => {
      const body = document.querySelector("#" + id + " tbody");
      rows.forEach((r) => body.appendChild(row(r, numeric)));
    };
    fill("agencies", summary.agencies, [1, 2, 3]);
    fill("doc-types", summary.doc_types, [1, 2, 3]);
    fill("speakers", summary.speakers.slice(0, 200).map(([, name, country, n, st]) => [name, country || "", n, st]), [2, 3]);
  }

  counts();
  timeline();
  network();
  statements();
  tables();
})();
