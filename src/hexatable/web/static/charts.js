// The pages' Plotly charts. A page marks each chart's place with data-plot="KIND", its numbers in
// data-chart and its translated labels in data-labels (JSON); this file draws them, so that no page
// holds an inline script (the Content-Security-Policy allows none). Axis titles use Plotly's object
// form, {title: {text: ...}}: Plotly.js 3 and later ignore a bare string.
(function () {
  const config = {responsive: true, displaylogo: false};
  const axis = (text, extra) => Object.assign({title: {text: text}, automargin: true}, extra || {});

  const kinds = {
    timeline(c, L) {
      return [[{x: c.x, y: c.y, text: c.text, mode: "markers", type: "scatter",
        marker: {size: 9, color: c.color, colorscale: "Portland", cmin: 1, cmax: 20, showscale: true,
                 colorbar: {title: {text: L.color, side: "right"}}},
        hovertemplate: "%{x}<br>%{text}<extra></extra>"}],
        {margin: {l: 110, r: 20, t: 10, b: 50}, hovermode: "closest",
         xaxis: axis(L.x, {type: "date"}), yaxis: axis(L.y)}];
    },
    forecast(c, L) {
      const lines = c.actors.map((a) => ({x: c.rounds, y: a.y, name: a.name, mode: "lines+markers"}));
      lines.push({x: c.rounds, y: c.mean, name: c.labels.mean, mode: "lines", line: {dash: "dot", color: "#344054"}});
      lines.push({x: [c.rounds[c.rounds.length - 1]], y: [c.forecast], name: c.labels.forecast, mode: "markers",
                  marker: {size: 14, symbol: "star", color: "#1f5fbf"}});
      return [lines, {margin: {l: 60, r: 10, t: 10, b: 50},
        xaxis: axis(L.x, {dtick: 1}), yaxis: axis(L.y, {range: [L.min, L.max]})}];
    },
    stability(c, L) {
      return [[{type: "heatmap", x: c.concepts, y: c.dms, z: c.stable, zmin: 0, zmax: 1,
        colorscale: [[0, "#fde2e1"], [1, "#d1fadf"]], showscale: false, xgap: 3, ygap: 3,
        text: c.stable.map((r) => r.map((v) => (v ? c.labels.yes : c.labels.no))), texttemplate: "%{text}",
        hovertemplate: "%{y} · %{x}: %{text}<extra></extra>"}],
        {margin: {l: 90, r: 10, t: 10, b: 50}, xaxis: axis(L.x), yaxis: axis(L.y, {autorange: "reversed"})}];
    },
    tranches(c, L) {
      return [[{type: "heatmap", x: c.phases, y: c.ids, z: c.tranches,
        customdata: c.actions.map((a) => c.phases.map(() => a)), texttemplate: "%{z}",
        colorscale: [[0, "#ffffff"], [1, "#1f5fbf"]], showscale: false,
        hovertemplate: "%{customdata}<br>%{x}: %{z}<extra></extra>", xgap: 2, ygap: 2}],
        {title: {text: c.labels.tranches, font: {size: 14}}, margin: {l: 140, r: 10, t: 40, b: 50},
         xaxis: axis(L.x, {type: "category"}), yaxis: axis(L.y, {autorange: "reversed"})}];
    },
    excess(c, L) {
      return [c.excess.map((p) => ({x: c.points, y: p.y, name: p.name, mode: "lines+markers"})),
        {title: {text: c.labels.excess, font: {size: 14}}, margin: {l: 60, r: 10, t: 40, b: 50},
         xaxis: axis(L.x, {type: "category"}), yaxis: axis(L.y),
         shapes: [{type: "line", xref: "paper", x0: 0, x1: 1, y0: 0, y1: 0, line: {color: "#b42318", dash: "dot"}}]}];
    },
    frontier(c, L) {
      // Labels sit on different sides, so that points that coincide (often Nash and KS) stay readable.
      const point = (p, name, color, symbol, side) => ({x: [p.x], y: [p.y], name: name, mode: "markers+text",
        text: [name], textposition: side, marker: {size: 14, color: color, symbol: symbol}});
      const traces = [{x: c.x, y: c.y, mode: "markers", name: L.frontier, marker: {color: "#98a2b3"}}];
      if (c.nash) traces.push(point(c.nash, L.nash, "#16794a", "diamond", "top left"));
      if (c.kalai_smorodinsky) traces.push(point(c.kalai_smorodinsky, L.kalai_smorodinsky, "#b54708", "square", "bottom right"));
      if (c.agreement) traces.push(point(c.agreement, L.agreement, "#1f5fbf", "star", "top right"));
      return [traces, {margin: {l: 60, r: 10, t: 10, b: 50}, showlegend: true,
        legend: {orientation: "h", y: -0.25}, xaxis: axis(L.x), yaxis: axis(L.y)}];
    },
    ledger(c, L) {
      // One horizontal bar per stretch of a commitment's history (base: its first day, x: its length in
      // ms on the date axis), coloured by status; claims, verifications and reversals as marks on top.
      const bars = c.bars.map((b) => ({type: "bar", orientation: "h", name: b.name, y: b.y, x: b.x, base: b.base,
        customdata: b.link, marker: {color: b.color}, hovertemplate: "%{y}<extra>" + b.name + "</extra>"}));
      const symbols = {claim: "circle-open", verification: "diamond", reversal: "x"};
      const colors = {claim: "#344054", verification: "#1f5fbf", reversal: "#b42318"};
      const marks = c.marks.map((m) => ({type: "scatter", mode: "markers", name: m.name, x: m.x, y: m.y, text: m.text,
        customdata: m.link, marker: {size: 11, symbol: symbols[m.kind], color: colors[m.kind], line: {width: 2}},
        hovertemplate: "%{y}<br>%{x}<br>%{text}<extra>" + m.name + "</extra>"}));
      return [bars.concat(marks), {barmode: "overlay", margin: {l: 230, r: 10, t: 10, b: 50}, hovermode: "closest",
        height: Math.max(320, 26 * c.rows.length + 130),
        legend: {orientation: "h", y: -0.2}, xaxis: axis(L.x, {type: "date"}),
        yaxis: axis(L.y, {type: "category", categoryarray: c.rows, autorange: "reversed"})}];
    },
    deliveries(c, L) {
      // Each commitment's deliveries and its promise share a colour.
      const palette = ["#1f5fbf", "#16794a", "#b54708", "#6941c6", "#c11574", "#344054"];
      const traces = [];
      c.lines.forEach((l, i) => {
        const color = palette[i % palette.length];
        traces.push({type: "scatter", mode: "lines+markers", line: {shape: "hv", color: color}, name: l.name,
          x: l.x, y: l.y, text: l.text, customdata: l.link, hovertemplate: "%{x}<br>%{y}<br>%{text}<extra></extra>"});
        traces.push({type: "scatter", mode: "lines", line: {dash: "dash", color: color}, name: l.promised_name,
          x: [l.from, l.to], y: [l.promised, l.promised], hoverinfo: "skip"});
      });
      return [traces, {margin: {l: 70, r: 10, t: 10, b: 50}, legend: {orientation: "h", y: -0.25},
        xaxis: axis(L.x, {type: "date"}), yaxis: axis(L.y, {rangemode: "tozero"})}];
    },
  };

  function draw(root) {
    if (!window.Plotly) return;
    (root || document).querySelectorAll("[data-plot]").forEach((place) => {
      const build = kinds[place.dataset.plot];
      if (!build) return;
      const [traces, layout] = build(JSON.parse(place.dataset.chart), JSON.parse(place.dataset.labels || "{}"));
      if (layout.height) place.style.height = layout.height + "px";  // a chart sized by its rows
      Plotly.newPlot(place, traces, layout, config).then(() => {
        // A mark whose customdata names an anchor on the page (a ledger entry and its sources) links to it.
        place.on("plotly_click", (event) => {
          const link = event.points && event.points[0] && event.points[0].customdata;
          if (typeof link === "string" && document.getElementById(link)) window.location.hash = link;
        });
      });
    });
  }

  window.hexatableCharts = {draw: draw};
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => draw(document));
  else draw(document);
})();
